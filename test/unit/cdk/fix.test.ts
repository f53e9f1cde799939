/**
 * The TypeScript fixer for every mapped property (rules for these live on other branches; the fix is checked at the
 * model level): apply, re-parse with TypeScript, rebuild the model, and the wanted value is now written in the source.
 */
import * as assert from 'assert';
import { typescriptFixer } from '../../../server/src/engine/cdk/ts-fix';
import { applyEdits } from '../../../server/src/engine/model/text';
import { MapNode } from '../../../server/src/engine/model/node';
import { setWithin } from '../../../server/src/engine/rules/support/outcomes';
import { FixSpec, FixValue } from '../../../server/src/engine/fixes/spec';
import { modelOf, origin, parseErrors, prop, resource, value } from './helpers';

const IMPORTS =
  `import * as cdk from 'aws-cdk-lib';\nimport * as rds from 'aws-cdk-lib/aws-rds';\n` +
  `import * as kms from 'aws-cdk-lib/aws-kms';\n`;

/** Sets `path` (CloudFormation terms) on `id` and returns the fixed text, or undefined when no fix is offered. */
function fixSet(text: string, id: string, path: string[], v: FixValue): string | undefined {
  const m = modelOf(text);
  const r = resource(m, id);
  const edit = typescriptFixer(m)(m.template, { kind: 'set', resource: r, path: ['Properties', ...path], value: v });
  return edit ? applyEdits(text, Object.values(edit)[0]) : undefined;
}

function expectFixed(text: string, id: string, path: string[], v: FixValue, snippet: string): string {
  const fixed = fixSet(text, id, path, v);
  assert.ok(fixed, 'no fix offered');
  assert.deepStrictEqual(parseErrors(fixed!), [], fixed);
  assert.ok(fixed!.includes(snippet), `expected ${snippet} in:\n${fixed}`);
  const m = modelOf(fixed!);
  assert.deepStrictEqual(value(m, id, path), v, fixed);
  assert.strictEqual(origin(m, id, path).synthetic, false);
  return fixed!;
}

describe('CDK fixes: L2 props for CloudFormation properties', () => {
  it('StorageEncrypted → storageEncrypted: true (RDS instance and cluster)', () => {
    const text =
      `${IMPORTS}new rds.DatabaseInstance(this, 'Db', {\n  engine: rds.DatabaseInstanceEngine.POSTGRES,\n` +
      `  vpc,\n});\nnew rds.DatabaseCluster(this, 'Cl', { engine: ` +
      `rds.DatabaseClusterEngine.AURORA_POSTGRESQL, vpc });\n`;
    expectFixed(text, 'Db', ['StorageEncrypted'], true, `  vpc,\n  storageEncrypted: true,\n});`);
    expectFixed(
      text,
      'Cl',
      ['StorageEncrypted'],
      true,
      `{ engine: rds.DatabaseClusterEngine.AURORA_POSTGRESQL, vpc, storageEncrypted: true }`,
    );
  });
  it('a written false is changed in place', () => {
    const text =
      `${IMPORTS}new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, ` +
      `storageEncrypted: false });\n`;
    expectFixed(text, 'Db', ['StorageEncrypted'], true, `storageEncrypted: true })`);
  });
  it('EnableKeyRotation → enableKeyRotation: true', () => {
    expectFixed(
      `${IMPORTS}new kms.Key(this, 'Key');\n`,
      'Key',
      ['EnableKeyRotation'],
      true,
      `new kms.Key(this, 'Key', { enableKeyRotation: true });`,
    );
  });
  it('BackupRetentionPeriod → backupRetention: cdk.Duration.days(n)', () => {
    expectFixed(
      `${IMPORTS}new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc });\n`,
      'Db',
      ['BackupRetentionPeriod'],
      7,
      `backupRetention: cdk.Duration.days(7)`,
    );
  });
  it('EnableLogFileValidation → enableFileValidation: true; the missing import is added', () => {
    const text =
      `import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';\n` +
      `new cloudtrail.Trail(this, 'Trail', { enableFileValidation: false });\n`;
    expectFixed(text, 'Trail', ['EnableLogFileValidation'], true, `{ enableFileValidation: true }`);
  });
  it('RetentionInDays 1827 → retention: logs.RetentionDays.FIVE_YEARS, adding `import * as logs` when missing', () => {
    const text =
      `import { Stack } from 'aws-cdk-lib';\nimport { LogGroup } from 'aws-cdk-lib/aws-logs';\n` +
      `new LogGroup(this, 'Audit');\n`;
    const fixed = expectFixed(
      text,
      'Audit',
      ['RetentionInDays'],
      1827,
      `new LogGroup(this, 'Audit', { retention: RetentionDays.FIVE_YEARS });`,
    );
    assert.ok(fixed.includes(`import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';`), fixed);
    const noImport = `import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_logs.LogGroup(this, 'Audit');\n`;
    expectFixed(noImport, 'Audit', ['RetentionInDays'], 1827, `{ retention: cdk.aws_logs.RetentionDays.FIVE_YEARS }`);
  });
  it('a retention without an enum member gets no fix (never a wrong one)', () => {
    assert.strictEqual(
      fixSet(
        `import * as logs from 'aws-cdk-lib/aws-logs';\nnew logs.LogGroup(this, 'Audit');\n`,
        'Audit',
        ['RetentionInDays'],
        1000,
      ),
      undefined,
    );
  });
  it('PointInTimeRecoveryEnabled → pointInTimeRecoverySpecification (the current API)', () => {
    const text =
      `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n` +
      `new dynamodb.Table(this, 'T', { partitionKey: pk });\n`;
    expectFixed(
      text,
      'T',
      ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'],
      true,
      `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true }`,
    );
  });
  it('the deprecated pointInTimeRecovery is changed where it is already written', () => {
    const text =
      `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\n` +
      `new dynamodb.Table(this, 'T', { partitionKey: pk, pointInTimeRecovery: false });\n`;
    expectFixed(
      text,
      'T',
      ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'],
      true,
      `pointInTimeRecovery: true`,
    );
  });
  it('Encrypted → encrypted: true (EBS volume, EFS)', () => {
    expectFixed(
      `import * as ec2 from 'aws-cdk-lib/aws-ec2';\nnew ec2.Volume(this, 'V', { availabilityZone: 'a', size });\n`,
      'V',
      ['Encrypted'],
      true,
      `encrypted: true`,
    );
    expectFixed(
      `import * as efs from 'aws-cdk-lib/aws-efs';\nnew efs.FileSystem(this, 'F', { vpc, encrypted: false });\n`,
      'F',
      ['Encrypted'],
      true,
      `encrypted: true`,
    );
  });
  it('VersioningConfiguration → versioned: true', () => {
    expectFixed(
      `import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B');\n`,
      'B',
      ['VersioningConfiguration', 'Status'],
      'Enabled',
      `{ versioned: true }`,
    );
  });
  it('TLS-only bucket policy (addResource) → enforceSSL: true', () => {
    const text = `import * as s3 from 'aws-cdk-lib/aws-s3';\nnew s3.Bucket(this, 'B', { versioned: true });\n`;
    const m = modelOf(text);
    const spec: FixSpec = {
      kind: 'addResource',
      logicalId: 'BPolicy',
      body: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'B' },
          PolicyDocument: {
            Statement: [
              {
                Effect: 'Deny',
                Principal: '*',
                Action: 's3:*',
                Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              },
            ],
          },
        },
      },
    };
    const edit = typescriptFixer(m)(m.template, spec)!;
    const fixed = applyEdits(text, Object.values(edit)[0]);
    assert.ok(fixed.includes(`{ versioned: true, enforceSSL: true }`), fixed);
    assert.deepStrictEqual(value(modelOf(fixed), 'BPolicy', ['Bucket']), { Ref: 'B' });
  });
  it('SslPolicy and listener props', () => {
    const text =
      `import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';\n` +
      `const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc });\n` +
      `alb.addListener('Https', { port: 443, certificates: [cert] });\n`;
    expectFixed(
      text,
      'Https',
      ['SslPolicy'],
      'ELBSecurityPolicy-TLS13-1-2-2021-06',
      `sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS`,
    );
  });
  it('CloudFront: viewerProtocolPolicy inside defaultBehavior; minimumProtocolVersion', () => {
    const text =
      `import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';\n` +
      `new cloudfront.Distribution(this, 'Cdn', {\n  defaultBehavior: { origin },\n  certificate: cert,\n` +
      `  minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2016,\n});\n`;
    expectFixed(
      text,
      'Cdn',
      ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
      'redirect-to-https',
      `defaultBehavior: { origin, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS }`,
    );
    expectFixed(
      text,
      'Cdn',
      ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
      'TLSv1.2_2021',
      `minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,`,
    );
  });
  it('launch template: HttpTokens required → httpTokens: REQUIRED', () => {
    expectFixed(
      `import * as ec2 from 'aws-cdk-lib/aws-ec2';\nnew ec2.LaunchTemplate(this, 'Lt', {});\n`,
      'Lt',
      ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
      'required',
      `{ httpTokens: ec2.LaunchTemplateHttpTokens.REQUIRED }`,
    );
  });
  it('append: a log export is added to the written list', () => {
    const text =
      `${IMPORTS}new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, ` +
      `cloudwatchLogsExports: ['postgresql'] });\n`;
    const m = modelOf(text);
    const edit = typescriptFixer(m)(m.template, {
      kind: 'append',
      resource: resource(m, 'Db'),
      path: ['Properties', 'EnableCloudwatchLogsExports'],
      item: 'upgrade',
    })!;
    const fixed = applyEdits(text, Object.values(edit)[0]);
    assert.deepStrictEqual(value(modelOf(fixed), 'Db', ['EnableCloudwatchLogsExports']), ['postgresql', 'upgrade']);
  });
  it('no L2 mapping → no fix: a KMS key id on a trail, anything on a generated resource', () => {
    const text = `import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';\nnew cloudtrail.Trail(this, 'Trail');\n`;
    assert.strictEqual(fixSet(text, 'Trail', ['KMSKeyId'], 'alias/x'), undefined);
    assert.strictEqual(fixSet(text, 'TrailS3', ['VersioningConfiguration', 'Status'], 'Enabled'), undefined);
  });
  it('props held in a same-file const are edited where they are written', () => {
    const text =
      `import * as kms from 'aws-cdk-lib/aws-kms';\nconst p = { enableKeyRotation: false };\n` +
      `new kms.Key(this, 'Key', p);\n`;
    expectFixed(text, 'Key', ['EnableKeyRotation'], true, `const p = { enableKeyRotation: true };`);
  });

  it('a fix with a part TypeScript cannot express (also: addResource) is not offered at all', () => {
    const text =
      `${IMPORTS}new rds.DatabaseInstance(this, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc ` + `});\n`;
    const m = modelOf(text);
    const set: FixSpec = {
      kind: 'set',
      resource: resource(m, 'Db'),
      path: ['Properties', 'StorageEncrypted'],
      value: true,
    };
    assert.ok(typescriptFixer(m)(m.template, set), 'the part alone is expressible');
    const withSecret: FixSpec = {
      ...set,
      also: [
        { kind: 'addResource', logicalId: 'DbSecret', body: { Type: 'AWS::SecretsManager::Secret', Properties: {} } },
      ],
    };
    assert.strictEqual(typescriptFixer(m)(m.template, withSecret), undefined);
    const twoParts: FixSpec = {
      ...set,
      also: [{ kind: 'set', resource: resource(m, 'Db'), path: ['Properties', 'MultiAZ'], value: true }],
    };
    const edit = typescriptFixer(m)(m.template, twoParts)!;
    const fixed = applyEdits(text, Object.values(edit)[0]);
    assert.deepStrictEqual(parseErrors(fixed), []);
    assert.strictEqual(value(modelOf(fixed), 'Db', ['StorageEncrypted']), true);
    assert.strictEqual(value(modelOf(fixed), 'Db', ['MultiAZ']), true);
  });
  it('setWithin: a path that starts at a nested map is written under that map, not onto the props', () => {
    const text =
      `import * as s3 from 'aws-cdk-lib/aws-s3';\n` +
      `new s3.CfnBucket(this, 'Raw', { bucketEncryption: { serverSideEncryptionConfiguration: [] }, ` +
      `versioningConfiguration: { status: 'Suspended' } });\n`;
    const m = modelOf(text);
    const r = resource(m, 'Raw');
    const versioning = r.properties!.entries.find(e => e.key === 'VersioningConfiguration')!.value as MapNode;
    const spec = setWithin(r, versioning, ['Status'], 'Enabled');
    const fixed = applyEdits(text, Object.values(typescriptFixer(m)(m.template, spec)!)[0]);
    assert.ok(fixed.includes(`versioningConfiguration: { status: 'Enabled' }`), fixed);
    assert.deepStrictEqual(value(modelOf(fixed), 'Raw', ['VersioningConfiguration', 'Status']), 'Enabled');
  });
  it('setWithin inside a list item is declined', () => {
    const text =
      `import * as ec2 from 'aws-cdk-lib/aws-ec2';\n` +
      `new ec2.CfnInstance(this, 'Vm', { imageId: 'ami-1', blockDeviceMappings: [{ deviceName: ` +
      `'/dev/xvda', ebs: { encrypted: false } }] });\n`;
    const m = modelOf(text);
    const r = resource(m, 'Vm');
    const ebs = prop(m, 'Vm', ['BlockDeviceMappings', 0, 'Ebs']) as MapNode;
    assert.strictEqual(typescriptFixer(m)(m.template, setWithin(r, ebs, ['Encrypted'], true)), undefined);
  });
  it('L1 policy documents keep CloudFormation spelling: a statement appended there is declined, not camelCased', () => {
    const text =
      `import * as s3 from 'aws-cdk-lib/aws-s3';\n` +
      `new s3.CfnBucketPolicy(this, 'P', { bucket: 'logs', policyDocument: { Version: '2012-10-17', ` +
      `Statement: [] } });\n`;
    const m = modelOf(text);
    assert.deepStrictEqual(value(m, 'P', ['PolicyDocument', 'Statement']), [], 'read with the keys as written');
    const spec: FixSpec = {
      kind: 'append',
      resource: resource(m, 'P'),
      path: ['Properties', 'PolicyDocument', 'Statement'],
      item: { Sid: 'DenyDelete', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject' },
    };
    assert.strictEqual(typescriptFixer(m)(m.template, spec), undefined);
    const setDoc: FixSpec = {
      kind: 'set',
      resource: resource(m, 'P'),
      path: ['Properties', 'PolicyDocument'],
      value: { Statement: [{ Effect: 'Deny' }] },
    };
    assert.strictEqual(typescriptFixer(m)(m.template, setDoc), undefined);
  });
  it('a props object still being typed (no closing brace yet) gets no inserted prop, and no range out of order', () => {
    const text = `import * as kms from 'aws-cdk-lib/aws-kms';\nnew kms.Key(this, 'Key', { `;
    assert.strictEqual(fixSet(text, 'Key', ['EnableKeyRotation'], true), undefined);
    assert.ok(fixSet(`${text}});\n`, 'Key', ['EnableKeyRotation'], true)?.includes('{ enableKeyRotation: true }'));
  });
});
