/**
 * The CDK model under the full rule set: removal policies, what constructs always write, resources they create, and
 * the sample app (compliant stacks raise nothing open; the non-compliant one shows many rule families).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fixesOf, open, ROOT, run } from '../../helpers';
import { modelOf, origin, resource, value } from './helpers';

const HEAD =
  `import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n` +
  `import * as iam from 'aws-cdk-lib/aws-iam';\nimport * as rds from 'aws-cdk-lib/aws-rds';\n` +
  `import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\n` +
  `import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';\n` +
  `import * as backup from 'aws-cdk-lib/aws-backup';\n`;
const attr = (text: string, id: string, key: string) => {
  const r = resource(modelOf(text), id);
  const e = r.node.entries.find(x => x.key === key);
  return e && e.value.kind === 'scalar' ? e.value.value : e ? 'unknown' : undefined;
};

describe('CDK model: removal policies', () => {
  it('CDK defaults: RETAIN for tables and buckets, SNAPSHOT for databases', () => {
    const text =
      `${HEAD}new dynamodb.Table(this, 'T', { partitionKey: pk });\nnew s3.Bucket(this, 'B');\n` +
      `new rds.DatabaseInstance(this, 'Db', { engine, vpc });\n`;
    assert.strictEqual(attr(text, 'T', 'DeletionPolicy'), 'Retain');
    assert.strictEqual(attr(text, 'T', 'UpdateReplacePolicy'), 'Retain');
    assert.strictEqual(attr(text, 'B', 'DeletionPolicy'), 'Retain');
    assert.strictEqual(attr(text, 'Db', 'UpdateReplacePolicy'), 'Snapshot');
  });
  it('a written policy, RETAIN_ON_UPDATE_OR_DELETE, an unknown one and applyRemovalPolicy()', () => {
    const text =
      `${HEAD}new dynamodb.Table(this, 'A', { partitionKey: pk, removalPolicy: cdk.RemovalPolicy.DESTROY ` +
      `});\nnew dynamodb.Table(this, 'B', { partitionKey: pk, removalPolicy: ` +
      `cdk.RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE });\n` +
      `new dynamodb.Table(this, 'C', { partitionKey: pk, removalPolicy: props.policy });\n` +
      `const d = new dynamodb.Table(this, 'D', { partitionKey: pk });\n` +
      `d.applyRemovalPolicy(cdk.RemovalPolicy.DESTROY);\n`;
    assert.strictEqual(attr(text, 'A', 'DeletionPolicy'), 'Delete');
    assert.strictEqual(attr(text, 'B', 'DeletionPolicy'), 'RetainExceptOnCreate');
    assert.strictEqual(attr(text, 'B', 'UpdateReplacePolicy'), 'Retain');
    assert.strictEqual(attr(text, 'C', 'DeletionPolicy'), 'unknown');
    assert.strictEqual(attr(text, 'D', 'DeletionPolicy'), 'Delete');
    assert.deepStrictEqual(
      open(run('stack.ts', text))
        .filter(f => f.rule === 'cloudformation-retain-stateful')
        .map(f => f.resource),
      ['A', 'D'],
      'one finding each, naming both policies',
    );
  });
});

describe('CDK model: what constructs write and create', () => {
  it('a trail always logs and names the bucket it creates', () => {
    const m = modelOf(`${HEAD}new cloudtrail.Trail(this, 'Trail');\n`);
    assert.strictEqual(value(m, 'Trail', ['IsLogging']), true);
    assert.deepStrictEqual(value(m, 'Trail', ['S3BucketName']), { Ref: 'TrailS3' });
    assert.strictEqual(origin(m, 'Trail', ['IsLogging']).synthetic, true);
  });
  it('requireImdsv2 attaches a launch template; httpTokens writes MetadataOptions', () => {
    const m = modelOf(
      `${HEAD}new ec2.Instance(this, 'Vm', { vpc, requireImdsv2: true });\n` +
        `new ec2.Instance(this, 'Vm2', { vpc, httpTokens: ec2.HttpTokens.REQUIRED });\n`,
    );
    assert.ok(value(m, 'Vm', ['LaunchTemplate']));
    assert.strictEqual(
      value(m, 'VmLaunchTemplate', ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens']),
      'required',
    );
    assert.strictEqual(value(m, 'Vm2', ['MetadataOptions', 'HttpTokens']), 'required');
    assert.ok(
      !open(run('stack.ts', `${HEAD}new ec2.Instance(this, 'Vm', { vpc, requireImdsv2: true });\n`)).some(f =>
        f.rule.includes('imdsv2'),
      ),
    );
  });
  it('objectLockDefaultRetention turns Object Lock on with its mode and days', () => {
    const m = modelOf(
      `${HEAD}new s3.Bucket(this, 'AuditArchive', { objectLockDefaultRetention: ` +
        `s3.ObjectLockRetention.compliance(cdk.Duration.days(1827)) });\n`,
    );
    assert.strictEqual(value(m, 'AuditArchive', ['ObjectLockEnabled']), true);
    assert.deepStrictEqual(value(m, 'AuditArchive', ['ObjectLockConfiguration']), {
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 1827 } },
    });
  });
  it('TableV2 writes a global table: owned key and no PITR by default, the first replica carrying PITR', () => {
    const text =
      `${HEAD}const pk = { name: 'id', type: dynamodb.AttributeType.STRING };\n` +
      `new dynamodb.TableV2(this, 'Plain', { partitionKey: pk });\n` +
      `new dynamodb.TableV2(this, 'Kept', { partitionKey: pk, encryption: ` +
      `dynamodb.TableEncryptionV2.customerManagedKey(key), pointInTimeRecoverySpecification: { ` +
      `pointInTimeRecoveryEnabled: true } });\n`;
    const m = modelOf(text);
    assert.strictEqual(resource(m, 'Plain').type, 'AWS::DynamoDB::GlobalTable');
    assert.deepStrictEqual(value(m, 'Plain', ['SSESpecification']), { SSEEnabled: false });
    assert.strictEqual(
      value(m, 'Plain', ['Replicas', 0, 'PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']),
      false,
    );
    assert.deepStrictEqual(value(m, 'Kept', ['SSESpecification']), { SSEEnabled: true, SSEType: 'KMS' });
    const f = open(run('stack.ts', text)).filter(x => x.rule.startsWith('dynamodb-'));
    assert.deepStrictEqual(f.map(x => `${x.rule}@${x.resource}`).sort(), [
      'dynamodb-kms-encryption@Plain',
      'dynamodb-pitr@Plain',
    ]);
    assert.strictEqual(attr(text, 'Plain', 'DeletionPolicy'), 'Retain', 'TableV2 keeps its data by default');
  });
  it(
    'TableV2 replicas: a region outside Japan is an error; PITR is inherited, or reported where a ' +
      'replica turns it off',
    () => {
      const props =
        `partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, encryption: ` +
        `dynamodb.TableEncryptionV2.awsManagedKey()`;
      const text =
        `${HEAD}new dynamodb.TableV2(this, 'On', { ${props}, pointInTimeRecovery: true, replicas: [{ region: ` +
        `'ap-northeast-3' }, { region: 'us-east-1', pointInTimeRecovery: false }] });\n` +
        `new dynamodb.TableV2(this, 'Off', { ${props}, replicas: [{ region: 'ap-northeast-3' }] });\n`;
      const f = open(run('stack.ts', text))
        .map(x => `${x.rule}@${x.resource}: ${x.message.replace(/^.*\((Replicas\[[^\]]+\]).*$/, '$1')}`)
        .sort();
      assert.deepStrictEqual(f, [
        'dynamodb-pitr@Off: Replicas[0]',
        'dynamodb-pitr@On: Replicas[us-east-1]',
        'region-patient-data-outside-japan@On: On names a region outside Japan: us-east-1',
      ]);
    },
  );
  it('addToResourcePolicy(new iam.PolicyStatement(…)) adds a statement to the bucket policy, beside enforceSSL', () => {
    const text =
      `${HEAD}const b = new s3.Bucket(this, 'Logs', { enforceSSL: true });\n` +
      `b.addToResourcePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, principals: [new ` +
      `iam.AnyPrincipal()], actions: ['s3:DeleteObject'], resources: [b.arnForObjects('*')] }));\n` +
      `const pub = new s3.Bucket(this, 'Public');\n` +
      `pub.addToResourcePolicy(new iam.PolicyStatement({ principals: [new iam.AnyPrincipal()], actions: ` +
      `['s3:GetObject'], resources: ['*'] }));\n`;
    const m = modelOf(text);
    const statements = value(m, 'LogsPolicy', ['PolicyDocument', 'Statement']) as { Effect: string; Action: unknown }[];
    assert.deepStrictEqual(
      statements.map(s => [s.Effect, s.Action]),
      [
        ['Deny', 's3:*'],
        ['Deny', ['s3:DeleteObject']],
      ],
    );
    const pub = open(run('stack.ts', text)).find(f => f.rule === 's3-bucket-policy-public');
    assert.strictEqual(pub?.resource, 'PublicPolicy');
  });
  it('an unreadable enforceSSL may create the TLS policy: no s3-bucket-tls-only', () => {
    const text =
      `${HEAD}new s3.Bucket(this, 'B', { enforceSSL: props.tls });\n` +
      `new s3.Bucket(this, 'C', { ...props.bucket });\nnew s3.Bucket(this, 'D', { enforceSSL: false });\n`;
    assert.deepStrictEqual(
      open(run('stack.ts', text))
        .filter(f => f.rule === 's3-bucket-tls-only')
        .map(f => f.resource),
      ['D'],
    );
  });
  it('a construct made in the same file is a Ref rules can follow (the access-log target is a log bucket)', () => {
    const text =
      `${HEAD}const logs = new s3.Bucket(this, 'AccessLogs');\n` +
      `new s3.Bucket(this, 'Records', { serverAccessLogsBucket: logs });\n`;
    const m = modelOf(text);
    assert.deepStrictEqual(value(m, 'Records', ['LoggingConfiguration', 'DestinationBucketName']), {
      Ref: 'AccessLogs',
    });
    const rules = open(run('stack.ts', text))
      .filter(f => f.resource === 'AccessLogs')
      .map(f => f.rule);
    assert.ok(rules.includes('s3-log-bucket-versioning') && !rules.includes('s3-access-logging'), rules.join(', '));
  });
  it('flow logs without a destination get a log group of their own (two years, no KMS key)', () => {
    const m = modelOf(`${HEAD}new ec2.Vpc(this, 'Vpc', { flowLogs: { all: {} } });\n`);
    assert.strictEqual(value(m, 'VpcAllLogGroup', ['RetentionInDays']), 731);
    assert.ok(
      open(run('stack.ts', `${HEAD}new ec2.Vpc(this, 'Vpc', { flowLogs: { all: {} } });\n`)).some(
        f => f.rule === 'logs-group-kms' && f.resource === 'VpcAllLogGroup',
      ),
    );
  });
  it('backup plans: factory plans copy nothing; a BackupPlanRule with copyActions does', () => {
    const text =
      `${HEAD}const v = new backup.BackupVault(this, 'Vault', { lockConfiguration: { minRetention: ` +
      `cdk.Duration.days(7) } });\nbackup.BackupPlan.daily35DayRetention(this, 'Daily', v);\n` +
      `new backup.BackupPlan(this, 'Copied', { backupPlanRules: [new backup.BackupPlanRule({ copyActions: ` +
      `[{ destinationBackupVault: dr }] })] });\n` +
      `new backup.BackupPlan(this, 'Unknown', { backupPlanRules: rules });\n`;
    assert.deepStrictEqual(
      open(run('stack.ts', text))
        .filter(f => f.rule === 'backup-plan-copy')
        .map(f => f.resource),
      ['Daily'],
    );
  });
  it('a suppression above a construct covers the resources it creates', () => {
    const text =
      `${HEAD}// iryo-guard-ignore s3-bucket-kms: the trail bucket holds no patient data\n` +
      `new cloudtrail.Trail(this, 'Trail');\n`;
    const a = run('stack.ts', text);
    assert.ok(!open(a).some(f => f.rule === 's3-bucket-kms'));
    assert.deepStrictEqual(
      a.findings.filter(f => f.suppressed).map(f => [f.rule, f.resource]),
      [['s3-bucket-kms', 'TrailS3']],
    );
  });
});

describe('CDK sample app under the full rule set', () => {
  const sample = (f: string) => {
    const p = path.join(ROOT, 'samples/cdk/lib', f);
    return run(p, fs.readFileSync(p, 'utf8'));
  };
  it('the compliant stacks raise nothing, not even suppressed (an access-log bucket is right with SSE-S3)', () => {
    for (const f of ['ehr-stack.ts', 'account-baseline-stack.ts'])
      assert.deepStrictEqual(
        sample(f).findings.map(x => `${x.rule}@${x.resource}`),
        [],
        f,
      );
  });
  it('the non-compliant stack shows findings from many families, most with a TypeScript fix', () => {
    const a = sample('ehr-noncompliant-stack.ts');
    const rules = new Set(open(a).map(f => f.rule));
    for (const r of [
      's3-bucket-kms',
      'rds-storage-encrypted',
      's3-bucket-tls-only',
      'elbv2-listener-https',
      'cloudtrail-log-file-validation',
      'vpc-flow-logs',
      'rds-backup-retention',
      'dynamodb-pitr',
      'cloudformation-retain-stateful',
      'ec2-sg-open-admin-port',
      'guardduty-detector-present',
      'logs-retention-minimum',
    ]) {
      assert.ok(rules.has(r), `${r} missing: ${[...rules].join(', ')}`);
    }
    assert.ok(open(a).filter(f => fixesOf(a, f).length).length >= 20);
  });
});
