import * as assert from 'assert';
import { templateOf } from '../../../server/src/engine';
import { open, rulesOf, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const VPC = `  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.1.0.0/16
`;

describe('audit logging rules', () => {
  it('a flow log whose ResourceId is !GetAtt or !ImportValue makes the coverage unknown: no finding', () => {
    for (const id of ['!ImportValue shared-vpc', '!GetAtt Vpc.VpcId']) {
      const text =
        `Resources:\n${VPC}  Flow:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: ${id}\n` +
        `      ResourceType: VPC\n`;
      assert.ok(!rulesOf(run('f.yaml', text)).includes('vpc-flow-logs'), id);
    }
  });

  it('a flow log referencing another VPC does not cover this one', () => {
    const text =
      `Resources:\n${VPC}${VPC.replace('Vpc:', 'Other:')}  Flow:\n    Type: AWS::EC2::FlowLog\n` +
      `    Properties:\n      ResourceId: { Ref: Other }\n      ResourceType: VPC\n`;
    const f = open(run('f.yaml', text)).filter(x => x.rule === 'vpc-flow-logs');
    assert.deepStrictEqual(
      f.map(x => x.resource),
      ['Vpc'],
    );
  });

  it('the flow-log fix writes to an existing log bucket when there is one', () => {
    const text = `Resources:\n${VPC}  Logs:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
  Records:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration:
        DestinationBucketName: !Ref Logs
`;
    const a = run('f.yaml', text);
    const fixed = applySafeFix(
      a,
      open(a).find(x => x.rule === 'vpc-flow-logs')!,
    );
    assert.ok(fixed.includes('      LogDestinationType: s3\n      LogDestination: !GetAtt Logs.Arn\n'), fixed);
    assert.ok(!rulesOf(run('f.yaml', fixed)).includes('vpc-flow-logs'));
  });

  it('log retention: absent means never expires and is compliant; parameters report each short allowed value', () => {
    assert.ok(
      !rulesOf(run('l.yaml', 'Resources:\n  AuditLogs:\n    Type: AWS::Logs::LogGroup\n')).some(r =>
        /retention/.test(r),
      ),
    );
    const text = `Parameters:
  Days:
    Type: Number
    AllowedValues: [30, 400, 3653]
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: !Ref Days
`;
    const f = open(run('l.yaml', text)).filter(x => /retention/.test(x.rule));
    assert.deepStrictEqual(
      f.map(x => `${x.rule}: ${x.message}`),
      ['logs-retention-minimum: Log group AppLogs keeps logs 30 days, less than 365 (when parameter Days = "30")'],
    );
  });

  it('a log group named like an audit log needs 5 years', () => {
    const f = open(
      run(
        'l.yaml',
        'Resources:\n  Logs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      LogGroupName: ' +
          '/ehr/cloudtrail\n      RetentionInDays: 731\n',
      ),
    );
    assert.deepStrictEqual(
      f.filter(x => /retention/.test(x.rule)).map(x => x.rule),
      ['logs-audit-retention'],
    );
  });

  it('RDS log exports follow the engine, and an engine that cannot be known is not judged', () => {
    const db = (engine: string) =>
      `Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: ${engine}\n` +
      `      ManageMasterUserPassword: true\n`;
    const a = run('r.yaml', db('mysql'));
    const f = open(a).find(x => x.rule === 'rds-log-exports')!;
    assert.strictEqual(
      f.message,
      'Database Db (mysql) does not export its audit log to CloudWatch Logs (EnableCloudwatchLogsExports)',
    );
    assert.ok(applySafeFix(a, f).includes('EnableCloudwatchLogsExports: [audit, error, general, slowquery]'));
    assert.ok(!rulesOf(run('r.yaml', db('!ImportValue engine'))).includes('rds-log-exports'));
  });

  it('CloudTrail validation behind !If reports the false branch', () => {
    const text = `Conditions:
  Strict: !Equals [a, a]
Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties:
      IsLogging: true
      IsMultiRegionTrail: true
      S3BucketName: org-logs
      KMSKeyId: alias/org
      CloudWatchLogsLogGroupArn: !ImportValue trail-group
      EnableLogFileValidation: !If [Strict, true, !Ref AWS::NoValue]
`;
    const f = open(run('t.yaml', text)).filter(x => x.rule === 'cloudtrail-log-file-validation');
    assert.deepStrictEqual(
      f.map(x => x.message),
      ['Trail Trail does not validate log files (EnableLogFileValidation: not set) (when condition Strict is false)'],
    );
  });

  it('the trail fix reuses a bucket and key prepared for CloudTrail instead of adding new ones', () => {
    const text =
      `Resources:
  Detector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
  TrailBucket:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
  TrailBucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref TrailBucket
      PolicyDocument:
        Statement:
          - { Effect: Allow, Principal: { Service: cloudtrail.amazonaws.com }, ` +
      `Action: s3:PutObject, Resource: !Sub "\${TrailBucket.Arn}/*" }
  TrailKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Statement:
          - { Effect: Allow, Principal: { Service: cloudtrail.amazonaws.com }, ` +
      `Action: kms:GenerateDataKey*, Resource: "*" }
`;
    const a = run('b.yaml', text);
    const fixed = applySafeFix(
      a,
      open(a).find(x => x.rule === 'cloudtrail-trail-present')!,
    );
    const b = run('b.yaml', fixed);
    assert.deepStrictEqual(
      templateOf(b)!
        .resources.map(r => r.logicalId)
        .slice(4),
      ['AuditTrail', 'AuditTrailLogGroup', 'AuditTrailLogsRole'],
    );
    assert.ok(fixed.includes('      S3BucketName: !Ref TrailBucket\n      KMSKeyId: !Ref TrailKey\n'), fixed);
    assert.ok(fixed.includes('    DependsOn: [TrailBucketPolicy]\n'));
    assert.ok(!rulesOf(b).some(r => r.startsWith('cloudtrail-')), rulesOf(b).join());
  });

  it('a bucket with a bucket policy whose target cannot be read is not judged for delete protection', () => {
    const text = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
  Records:
    Type: AWS::S3::Bucket
    Properties:
      LoggingConfiguration: { DestinationBucketName: !Ref Logs }
  SomePolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !ImportValue some-bucket
      PolicyDocument: { Statement: [] }
`;
    assert.ok(!rulesOf(run('d.yaml', text)).includes('s3-log-bucket-delete-protection'));
    assert.ok(
      rulesOf(run('d.yaml', text.replace(/ {2}SomePolicy:[\s\S]*/, ''))).includes('s3-log-bucket-delete-protection'),
    );
  });

  it('a conditional deny (the TLS-only statement) does not count as delete protection', () => {
    const text =
      `Resources:
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: { S3BucketName: !Ref Logs, IsLogging: true }
  Logs:
    Type: AWS::S3::Bucket
  LogsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Logs
      PolicyDocument:
        Statement:
          - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", ` +
      `Condition: { Bool: { "aws:SecureTransport": "false" } } }
`;
    assert.ok(rulesOf(run('c.yaml', text)).includes('s3-log-bucket-delete-protection'));
    const unconditional = text.replace(', Condition: { Bool: { "aws:SecureTransport": "false" } }', '');
    assert.ok(!rulesOf(run('c.yaml', unconditional)).includes('s3-log-bucket-delete-protection'));
  });

  it('a JSON template gets a JSON fix', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Logs: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: 'vpc-flow', RetentionInDays: 14 } },
        },
      },
      null,
      2,
    );
    const a = run('j.json', text);
    const fixed = applySafeFix(
      a,
      open(a).find(x => x.rule === 'logs-audit-retention')!,
    );
    assert.strictEqual(JSON.parse(fixed).Resources.Logs.Properties.RetentionInDays, 1827);
  });
});
