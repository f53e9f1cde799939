/**
 * Fixes that keep deliveries working: the catalog's delivery facts decide the encryption a fix proposes for topics,
 * queues and buckets that AWS services deliver into, and where Object Lock may go. Each fix also passes the
 * fix-safety oracle, whose deployability check is exercised here on the mistakes it must catch.
 */
import * as assert from 'assert';
import { parseDocument } from 'yaml';
import { templateOf } from '../../../server/src/engine';
import { catalog, run, open, fixesOf, Checked } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';
import { deployProblems } from '../../oracles/deployability';

const ALARM = `
  CpuAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      MetricName: CPUUtilization
      Namespace: AWS/EC2
      Statistic: Average
      Period: 60
      EvaluationPeriods: 1
      Threshold: 90
      ComparisonOperator: GreaterThanThreshold
      AlarmActions: [!Ref AlarmTopic]
`;

const finding = (a: Checked, rule: string, resource: string) => {
  const f = open(a).find(x => x.rule === rule && x.resource === resource);
  assert.ok(
    f,
    `${rule} on ${resource}: ${open(a)
      .map(x => `${x.rule} ${x.resource}`)
      .join('; ')}`,
  );
  return f;
};
const problems = (text: string) => deployProblems(templateOf(run('t.yaml', text))!, catalog);

describe('fixes that keep AWS deliveries working', () => {
  it('a topic that CloudWatch alarms publish to gets a customer managed key admitting cloudwatch.amazonaws.com', () => {
    const a = run('alarms.yaml', `Resources:\n  AlarmTopic:\n    Type: AWS::SNS::Topic\n${ALARM}`);
    const f = finding(a, 'sns-topic-kms', 'AlarmTopic');
    assert.deepStrictEqual(
      fixesOf(a, f).map(x => x.title),
      ['Encrypt with a customer managed key whose policy admits cloudwatch.amazonaws.com'],
    );
    type Statement = { Principal: { Service?: string }; Action: string[] };
    type Key = { Type: string; Properties: { KeyPolicy: { Statement: Statement[] } } };
    const fixed = parseDocument(applySafeFix(a, f)).toJS() as { Resources: Record<string, Key> };
    const key = fixed.Resources.AlarmTopicKey;
    assert.strictEqual(key.Type, 'AWS::KMS::Key');
    const grant = key.Properties.KeyPolicy.Statement.find(s => s.Principal.Service);
    assert.ok(grant, JSON.stringify(key.Properties.KeyPolicy));
    assert.deepStrictEqual(grant.Principal, { Service: 'cloudwatch.amazonaws.com' });
    assert.deepStrictEqual(grant.Action, ['kms:Decrypt', 'kms:GenerateDataKey*']);
  });

  it('a topic nobody delivers into keeps the simple fix, alias/aws/sns', () => {
    const a = run('plain.yaml', 'Resources:\n  Plain:\n    Type: AWS::SNS::Topic\n');
    const f = finding(a, 'sns-topic-kms', 'Plain');
    assert.match(applySafeFix(a, f), /KmsMasterKeyId: alias\/aws\/sns/);
  });

  it('a queue subscribed to a topic gets a key admitting sns.amazonaws.com, not alias/aws/sqs', () => {
    const text = [
      'Resources:',
      '  Orders:',
      '    Type: AWS::SQS::Queue',
      '  Events:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      '      KmsMasterKeyId: alias/aws/sns',
      '  Sub:',
      '    Type: AWS::SNS::Subscription',
      '    Properties:',
      '      Protocol: sqs',
      '      TopicArn: !Ref Events',
      '      Endpoint: !GetAtt Orders.Arn',
      '',
    ].join('\n');
    const a = run('queue.yaml', text);
    const fixed = applySafeFix(a, finding(a, 'sqs-queue-kms', 'Orders'));
    assert.match(fixed, /KmsMasterKeyId: !Ref OrdersKey/);
    assert.match(fixed, /Service: sns\.amazonaws\.com/);
  });

  it('an ALB log bucket is right with SSE-S3: no encryption finding, so no KMS fix that would stop the logs', () => {
    const text = [
      'Resources:',
      '  AlbLogs:',
      '    Type: AWS::S3::Bucket',
      '  Alb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties:',
      '      Subnets: [subnet-1, subnet-2]',
      '      LoadBalancerAttributes:',
      '        - { Key: access_logs.s3.enabled, Value: "true" }',
      '        - { Key: access_logs.s3.bucket, Value: !Ref AlbLogs }',
      '',
    ].join('\n');
    const rules = open(run('alb.yaml', text))
      .filter(f => f.resource === 'AlbLogs')
      .map(f => f.rule);
    assert.ok(!rules.includes('s3-bucket-encryption') && !rules.includes('s3-bucket-kms'), rules.join(', '));
  });

  it('an S3 server access log destination gets neither Object Lock nor KMS', () => {
    const text = [
      'Resources:',
      '  AccessLogs:',
      '    Type: AWS::S3::Bucket',
      '  AuditArchive:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      LoggingConfiguration: { DestinationBucketName: !Ref AccessLogs }',
      '',
    ].join('\n');
    const rules = open(run('access.yaml', text))
      .filter(f => f.resource === 'AccessLogs')
      .map(f => f.rule);
    for (const r of ['s3-object-lock', 's3-bucket-encryption', 's3-bucket-kms']) assert.ok(!rules.includes(r), r);
  });

  it('access logs go to a new bucket S3 accepts when the only log bucket has Object Lock', () => {
    const text = [
      'Resources:',
      '  TrailBucket:',
      '    Type: AWS::S3::Bucket',
      '    Properties: { ObjectLockEnabled: true, VersioningConfiguration: { Status: Enabled } }',
      '  Trail:',
      '    Type: AWS::CloudTrail::Trail',
      '    Properties: { IsLogging: true, S3BucketName: !Ref TrailBucket }',
      '  Records:',
      '    Type: AWS::S3::Bucket',
      '',
    ].join('\n');
    const a = run('access-target.yaml', text);
    const fixed = applySafeFix(a, finding(a, 's3-access-logging', 'Records'));
    type LogBucket = {
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: { ServerSideEncryptionByDefault: { SSEAlgorithm: string } }[];
        };
        ObjectLockEnabled?: boolean;
      };
    };
    const doc = (parseDocument(fixed).toJS() as { Resources: { AccessLogBucket: LogBucket } }).Resources;
    assert.match(fixed, /DestinationBucketName: !Ref AccessLogBucket/);
    const encryption = doc.AccessLogBucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0];
    assert.strictEqual(encryption.ServerSideEncryptionByDefault.SSEAlgorithm, 'AES256');
    assert.strictEqual(doc.AccessLogBucket.Properties.ObjectLockEnabled, undefined);
  });

  it('Object Lock comes with versioning Enabled, replacing Suspended', () => {
    const text = [
      'Resources:',
      '  AuditArchive:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      VersioningConfiguration: { Status: Suspended }',
      '',
    ].join('\n');
    const a = run('lock.yaml', text);
    const fixed = applySafeFix(a, finding(a, 's3-object-lock', 'AuditArchive'), 0, {
      allowNew: ['s3-bucket-versioning'],
    });
    type Bucket = { ObjectLockEnabled?: boolean; VersioningConfiguration?: { Status?: string } };
    const bucket = (parseDocument(fixed).toJS() as { Resources: Record<string, { Properties: Bucket }> }).Resources
      .AuditArchive.Properties;
    assert.strictEqual(bucket.ObjectLockEnabled, true);
    assert.strictEqual(bucket.VersioningConfiguration?.Status, 'Enabled');
  });

  it('says what S3 does by default: SSE-S3 since 2023, with KMS needed for patient data', () => {
    const a = run('default.yaml', 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n');
    const f = finding(a, 's3-bucket-encryption', 'Records');
    assert.strictEqual(f.severity, 'warning');
    assert.strictEqual(
      f.message,
      'S3 bucket Records is encrypted only with SSE-S3, the AWS default since 2023-01-05; patient data needs a KMS ' +
        'key you control (BucketEncryption), so key use is logged and limited',
    );
  });
});

describe('the deployability oracle', () => {
  it('catches alias/aws/sns on a topic that alarms publish to', () => {
    const text =
      `Resources:\n  AlarmTopic:\n    Type: AWS::SNS::Topic\n    Properties:\n` +
      `      KmsMasterKeyId: alias/aws/sns\n${ALARM}`;
    assert.deepStrictEqual(problems(text), ['AlarmTopic: cloudwatch-alarm-to-sns does not work with aws-managed-kms']);
  });

  it('catches a customer key whose policy does not admit the publishing service', () => {
    const text = [
      'Resources:',
      '  Key:',
      '    Type: AWS::KMS::Key',
      '    Properties:',
      '      KeyPolicy: { Statement: [{ Effect: Allow, Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }] }',
      '  AlarmTopic:',
      '    Type: AWS::SNS::Topic',
      '    Properties:',
      '      KmsMasterKeyId: !Ref Key',
      ALARM,
    ].join('\n');
    assert.deepStrictEqual(problems(text), ['AlarmTopic: cloudwatch-alarm-to-sns does not work with customer-kms']);
  });

  it('catches Object Lock without versioning and on an access-log destination', () => {
    const text = [
      'Resources:',
      '  Logs:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      ObjectLockEnabled: true',
      '  Site:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      LoggingConfiguration: { DestinationBucketName: !Ref Logs }',
      '',
    ].join('\n');
    assert.deepStrictEqual(problems(text), [
      'Logs: s3-object-lock-not-server-access-log-destination',
      'Logs: s3-object-lock-requires-versioning',
    ]);
  });
});
