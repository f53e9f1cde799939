/**
 * Every rule with a TypeScript fix, on the construct a CDK user writes: the finding is there, its fix writes the L2
 * prop (adding an import only when needed), the result parses, the finding is gone and nothing new appears.
 */
import * as assert from 'assert';
import { fixesOf, open, run } from '../../helpers';
import { checkFixes } from './helpers';

const IMPORTS = [
  `import * as cdk from 'aws-cdk-lib';`,
  `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';`,
  `import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';`,
  `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';`,
  `import * as ec2 from 'aws-cdk-lib/aws-ec2';`,
  `import * as efs from 'aws-cdk-lib/aws-efs';`,
  `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';`,
  `import * as kms from 'aws-cdk-lib/aws-kms';`,
  `import * as logs from 'aws-cdk-lib/aws-logs';`,
  `import * as rds from 'aws-cdk-lib/aws-rds';`,
  `import * as s3 from 'aws-cdk-lib/aws-s3';`,
  `import * as sqs from 'aws-cdk-lib/aws-sqs';`,
].join('\n');
const stack = (body: string, imports = IMPORTS) =>
  `${imports}\n\nexport class S extends cdk.Stack {\n  build() {\n${body}  }\n}\n`;
const DB =
  `engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, storageEncrypted: true, multiAz: true, ` +
  `deletionProtection: true, backupRetention: cdk.Duration.days(7), cloudwatchLogsExports: ` +
  `['postgresql']`;

/** [rule, construct code, a snippet the fixed source must contain] */
const CASES: [string, string, string][] = [
  [
    'rds-storage-encrypted',
    `    new rds.DatabaseInstance(this, 'Db', { ` +
      `${DB.replace('storageEncrypted: true', 'storageEncrypted: false')} });\n`,
    'storageEncrypted: true',
  ],
  [
    'rds-backup-retention',
    `    new rds.DatabaseInstance(this, 'Db', { ${DB.replace(', backupRetention: cdk.Duration.days(7)', '')} });\n`,
    'backupRetention: cdk.Duration.days(7)',
  ],
  [
    'rds-deletion-protection',
    `    new rds.DatabaseInstance(this, 'Db', { ${DB.replace(', deletionProtection: true', '')} });\n`,
    'deletionProtection: true',
  ],
  [
    'rds-multi-az',
    `    new rds.DatabaseInstance(this, 'Db', { ${DB.replace(', multiAz: true', '')} });\n`,
    'multiAz: true',
  ],
  [
    'rds-log-exports',
    `    new rds.DatabaseInstance(this, 'Db', { ${DB.replace(", cloudwatchLogsExports: ['postgresql']", '')} });\n`,
    "cloudwatchLogsExports: ['postgresql']",
  ],
  [
    'dynamodb-pitr',
    `    new dynamodb.Table(this, 'T', { partitionKey: pk, encryption: dynamodb.TableEncryption.AWS_MANAGED });\n`,
    'pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }',
  ],
  [
    'dynamodb-kms-encryption',
    `    new dynamodb.Table(this, 'T', { partitionKey: pk, pointInTimeRecoverySpecification: { ` +
      `pointInTimeRecoveryEnabled: true } });\n`,
    'encryption: dynamodb.TableEncryption.AWS_MANAGED',
  ],
  [
    'dynamodb-pitr',
    `    new dynamodb.TableV2(this, 'T', { partitionKey: pk, encryption: ` +
      `dynamodb.TableEncryptionV2.awsManagedKey() });\n`,
    `new dynamodb.TableV2(this, 'T', { partitionKey: pk, encryption: ` +
      `dynamodb.TableEncryptionV2.awsManagedKey(), pointInTimeRecoverySpecification: { ` +
      `pointInTimeRecoveryEnabled: true } });`,
  ],
  [
    'dynamodb-kms-encryption',
    `    new dynamodb.TableV2(this, 'T', { partitionKey: pk, pointInTimeRecovery: true });\n`,
    `new dynamodb.TableV2(this, 'T', { partitionKey: pk, pointInTimeRecovery: true, encryption: ` +
      `dynamodb.TableEncryptionV2.awsManagedKey() });`,
  ],
  [
    'ebs-volume-encrypted',
    `    new ec2.Volume(this, 'V', { availabilityZone: 'ap-northeast-1a', size });\n`,
    'encrypted: true',
  ],
  ['efs-encrypted', `    new efs.FileSystem(this, 'F', { vpc, encrypted: false });\n`, 'encrypted: true'],
  ['kms-key-rotation', `    new kms.Key(this, 'Key');\n`, `new kms.Key(this, 'Key', { enableKeyRotation: true });`],
  [
    'cloudtrail-log-file-validation',
    `    new cloudtrail.Trail(this, 'Trail', { bucket, encryptionKey: key, sendToCloudWatchLogs: true, ` +
      `cloudWatchLogGroup: group, enableFileValidation: false });\n`,
    'enableFileValidation: true',
  ],
  [
    'cloudtrail-multi-region',
    `    new cloudtrail.Trail(this, 'Trail', { bucket, encryptionKey: key, sendToCloudWatchLogs: true, ` +
      `cloudWatchLogGroup: group, isMultiRegionTrail: false });\n`,
    'isMultiRegionTrail: true',
  ],
  [
    'logs-retention-minimum',
    `    new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH, encryptionKey: key });\n`,
    'retention: logs.RetentionDays.ONE_YEAR',
  ],
  [
    'logs-audit-retention',
    `    new logs.LogGroup(this, 'AuditLogs', { encryptionKey: key });\n`,
    'retention: logs.RetentionDays.FIVE_YEARS',
  ],
  [
    's3-bucket-versioning',
    `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS, blockPublicAccess: ` +
      `s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, serverAccessLogsBucket: logs });\n`,
    'versioned: true',
  ],
  [
    's3-bucket-tls-only',
    `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS, blockPublicAccess: ` +
      `s3.BlockPublicAccess.BLOCK_ALL, versioned: true, serverAccessLogsBucket: logs });\n`,
    'enforceSSL: true',
  ],
  [
    's3-bucket-kms',
    `    new s3.Bucket(this, 'Records', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: ` +
      `true, versioned: true, serverAccessLogsBucket: logs });\n`,
    'encryption: s3.BucketEncryption.KMS',
  ],
  [
    's3-public-access-block',
    `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS, enforceSSL: true, ` +
      `versioned: true, serverAccessLogsBucket: logs });\n`,
    'blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL',
  ],
  [
    's3-object-lock',
    `    new s3.Bucket(this, 'BackupArchive', { encryption: s3.BucketEncryption.KMS, blockPublicAccess: ` +
      `s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, versioned: true, serverAccessLogsBucket: logs ` +
      `});\n`,
    'objectLockDefaultRetention: s3.ObjectLockRetention.governance(cdk.Duration.days(1827))',
  ],
  [
    'cloudformation-retain-stateful',
    `    new dynamodb.Table(this, 'T', { partitionKey: pk, removalPolicy: cdk.RemovalPolicy.DESTROY });\n`,
    'removalPolicy: cdk.RemovalPolicy.RETAIN',
  ],
  [
    'sqs-queue-encrypted',
    `    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED, enforceSSL: true });\n`,
    'encryption: sqs.QueueEncryption.KMS_MANAGED',
  ],
  [
    'elbv2-listener-tls-policy',
    `    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc });\n` +
      `    alb.addListener('Https', { port: 443, certificates: [cert], sslPolicy: elbv2.SslPolicy.LEGACY ` +
      `});\n`,
    'sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS',
  ],
  [
    'cloudfront-viewer-https',
    `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, viewerProtocolPolicy: ` +
      `cloudfront.ViewerProtocolPolicy.ALLOW_ALL }, certificate: cert, webAclId: acl, enableLogging: true ` +
      `});\n`,
    'viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS',
  ],
  [
    'sqs-queue-kms',
    `    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true });\n`,
    'encryption: sqs.QueueEncryption.KMS_MANAGED',
  ],
  [
    'cloudfront-min-tls',
    `    new cloudfront.Distribution(this, 'Cdn', { defaultBehavior: { origin, viewerProtocolPolicy: ` +
      `cloudfront.ViewerProtocolPolicy.HTTPS_ONLY }, certificate: cert, webAclId: acl, enableLogging: ` +
      `true, minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2016 });\n`,
    'minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021',
  ],
  [
    's3-log-bucket-versioning',
    `    const logs = new s3.Bucket(this, 'AccessLogs', { encryption: s3.BucketEncryption.KMS, ` +
      `blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true });\n` +
      `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS, blockPublicAccess: ` +
      `s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, versioned: true, serverAccessLogsBucket: logs ` +
      `});\n`,
    `{ encryption: s3.BucketEncryption.KMS, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, ` +
      `enforceSSL: true, versioned: true });`,
  ],
  [
    's3-bucket-encryption',
    `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.UNENCRYPTED, ` +
      `blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, enforceSSL: true, versioned: true, ` +
      `serverAccessLogsBucket: logs });\n`,
    'encryption: s3.BucketEncryption.KMS',
  ],
  [
    'ec2-launch-template-imdsv2',
    `    new ec2.LaunchTemplate(this, 'Lt', { httpTokens: ec2.LaunchTemplateHttpTokens.OPTIONAL });\n`,
    'httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED',
  ],
  [
    'rds-publicly-accessible',
    `    new rds.DatabaseInstance(this, 'Db', { ${DB}, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });\n`,
    'publiclyAccessible: false',
  ],
  [
    'ec2-instance-imdsv2',
    `    new ec2.Instance(this, 'Vm', { vpc, instanceType, machineImage });\n`,
    'httpTokens: ec2.HttpTokens.REQUIRED',
  ],
];

describe('CDK: a TypeScript fix for each rule with an L2 idiom', () => {
  for (const [rule, body, snippet] of CASES) {
    it(`${rule} → ${snippet}`, () => {
      const text = stack(body);
      const results = checkFixes('stack.ts', text, rule);
      assert.ok(
        results.length,
        `no fix for ${rule}; findings: ${open(run('stack.ts', text))
          .map(f => f.rule)
          .join(', ')}`,
      );
      assert.ok(
        results.some(r => r.fixed.includes(snippet)),
        `expected ${snippet} in:\n${results.map(r => r.fixed).join('\n---\n')}`,
      );
    });
  }

  it('the fixed construct has no findings left at all (each fix on its own, then all of them)', () => {
    let text = stack(
      `    new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc });\n`,
    );
    for (let i = 0; i < 10; i++) {
      const a = run('stack.ts', text);
      const f = open(a).find(x => fixesOf(a, x).length);
      if (!f) break;
      text = checkFixes('stack.ts', text, f.rule)[0].fixed;
    }
    assert.deepStrictEqual(
      open(run('stack.ts', text)).map(f => f.rule),
      [],
    );
    assert.ok(
      text.includes('storageEncrypted: true') &&
        text.includes('multiAz: true') &&
        text.includes('deletionProtection: true'),
      text,
    );
  });

  it('Duration is imported when the file has no aws-cdk-lib import to reach it through', () => {
    const text =
      `import { Construct } from 'constructs';\nimport * as rds from 'aws-cdk-lib/aws-rds';\n\n` +
      `export function db(scope: Construct) {\n  return new rds.DatabaseInstance(scope, 'Db', { ` +
      `${DB.replace(', backupRetention: cdk.Duration.days(7)', '')} });\n}\n`;
    const [r] = checkFixes('db.ts', text, 'rds-backup-retention');
    assert.ok(
      r.fixed.includes(`import * as rds from 'aws-cdk-lib/aws-rds';\nimport * as cdk from 'aws-cdk-lib';\n`),
      r.fixed,
    );
    assert.ok(r.fixed.includes('backupRetention: cdk.Duration.days(7)'), r.fixed);
  });

  it('Duration is added to an existing named import of aws-cdk-lib', () => {
    const text =
      `import { Stack } from 'aws-cdk-lib';\nimport { DatabaseInstance, DatabaseInstanceEngine } from ` +
      `'aws-cdk-lib/aws-rds';\n\nexport class S extends Stack {\n  build() {\n` +
      `    new DatabaseInstance(this, 'Db', { engine: DatabaseInstanceEngine.POSTGRES, vpc, ` +
      `storageEncrypted: true, multiAz: true, deletionProtection: true, cloudwatchLogsExports: ` +
      `['postgresql'] });\n  }\n}\n`;
    const [r] = checkFixes('db.ts', text, 'rds-backup-retention');
    assert.ok(r.fixed.includes(`import { Stack, Duration } from 'aws-cdk-lib';`), r.fixed);
    assert.ok(r.fixed.includes('backupRetention: Duration.days(7)'), r.fixed);
  });

  it('a removal policy set by applyRemovalPolicy() is reported there and gets no prop fix', () => {
    const text = stack(
      `    const t = new dynamodb.Table(this, 'T', { partitionKey: pk });\n` +
        `    t.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\n`,
    );
    const a = run('stack.ts', text);
    const f = open(a).filter(x => x.rule === 'cloudformation-retain-stateful');
    assert.strictEqual(f.length, 1, 'DeletionPolicy and UpdateReplacePolicy come from the one call: one finding');
    assert.match(f[0].message, /\(DeletionPolicy, UpdateReplacePolicy: Delete\)/);
    assert.ok(f.every(x => x.range.start.line === text.split('\n').findIndex(l => l.includes('applyRemovalPolicy'))));
    assert.ok(
      f.every(x => !fixesOf(a, x).length),
      'no fix',
    );
  });
});

describe('CDK: fixes that cannot be written in TypeScript are not offered', () => {
  it('ec2-sg-open-admin-port: reported at the call, no fix', () => {
    const text = stack(
      `    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc });\n` +
        `    sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22));\n`,
    );
    const a = run('stack.ts', text);
    const f = open(a).find(x => x.rule === 'ec2-sg-open-admin-port')!;
    assert.ok(f);
    assert.deepStrictEqual(fixesOf(a, f), []);
  });
  it('a fix with several parts (a new secret plus the reference to it) is declined', () => {
    const text = stack(
      `    new rds.CfnDBInstance(this, 'Db', { engine: 'postgres', dbInstanceClass: 'db.t3.micro', ` +
        `masterUsername: 'admin', masterUserPassword: 'hunter2hunter2' });\n`,
    );
    const a = run('stack.ts', text);
    const f = open(a).find(x => x.rule === 'rds-master-password-plaintext');
    assert.ok(
      f,
      open(a)
        .map(x => x.rule)
        .join(', '),
    );
    assert.deepStrictEqual(fixesOf(a, f!), []);
  });
  it('a set inside a list item (an L1 block device mapping) is declined, not written onto the props', () => {
    const text = stack(
      `    new ec2.CfnInstance(this, 'Vm', { imageId: 'ami-1', launchTemplate: lt, blockDeviceMappings: [{ ` +
        `deviceName: '/dev/xvda', ebs: { volumeSize: 30, encrypted: false } }] });\n`,
    );
    const a = run('stack.ts', text);
    const f = open(a).find(x => x.rule === 'ec2-block-device-encrypted');
    assert.ok(
      f,
      open(a)
        .map(x => x.rule)
        .join(', '),
    );
    assert.deepStrictEqual(fixesOf(a, f!), []);
  });
  it('a condition added inside an L1 policy statement (iam-role-admin-mfa) is declined', () => {
    const iam = stack(
      `    new iam.CfnRole(this, 'Admin', { assumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', ` +
        `Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' }] }, ` +
        `managedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'] });\n`,
      `${IMPORTS}\nimport * as iam from 'aws-cdk-lib/aws-iam';`,
    );
    const a = run('stack.ts', iam);
    const mfa = open(a).find(x => x.rule === 'iam-role-admin-mfa');
    assert.ok(
      mfa,
      open(a)
        .map(x => x.rule)
        .join(', '),
    );
    assert.deepStrictEqual(fixesOf(a, mfa!), []);
  });
  it('a resource CDK creates for a construct (the trail bucket) gets no fix', () => {
    const text = stack(`    new cloudtrail.Trail(this, 'Trail');\n`);
    const a = run('stack.ts', text);
    const f = open(a).filter(x => x.resource === 'TrailS3');
    assert.ok(f.length);
    assert.ok(
      f.every(x => !fixesOf(a, x).length),
      f.map(x => x.rule).join(', '),
    );
  });
});
