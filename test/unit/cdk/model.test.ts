/**
 * Constructs → CloudFormation properties with CDK's defaults. Defaults are synthetic values at the `new` expression;
 * written values carry the range of the prop assignment; unknowable values are opaque (never judged).
 */
import * as assert from 'assert';
import { fixture, modelOf, origin, resource, UNKNOWN, value } from './helpers';

describe('CDK model: RDS', () => {
  const m = modelOf(fixture('rds.ts'));
  it('DatabaseInstance defaults: unencrypted, single-AZ, private, 1-day backups, no deletion protection', () => {
    assert.strictEqual(value(m, 'Defaults', ['StorageEncrypted']), false);
    assert.deepStrictEqual(origin(m, 'Defaults', ['StorageEncrypted']), {
      text: "new rds.DatabaseInstance(this, 'Defaults'",
      synthetic: true,
    });
    assert.strictEqual(value(m, 'Defaults', ['MultiAZ']), false);
    assert.strictEqual(value(m, 'Defaults', ['PubliclyAccessible']), false);
    assert.strictEqual(value(m, 'Defaults', ['BackupRetentionPeriod']), 1);
    assert.strictEqual(value(m, 'Defaults', ['DeletionProtection']), false);
    assert.strictEqual(value(m, 'Defaults', ['Engine']), 'postgres');
  });
  it(
    'storageEncryptionKey turns StorageEncrypted on; RETAIN turns deletion protection on; PUBLIC subnets ' +
      'make it public',
    () => {
      assert.deepStrictEqual(origin(m, 'WithKey', ['StorageEncrypted']), {
        text: "new rds.DatabaseInstance(this, 'WithKey'",
        synthetic: true,
      });
      assert.strictEqual(value(m, 'WithKey', ['StorageEncrypted']), true);
      assert.strictEqual(value(m, 'WithKey', ['DeletionProtection']), true);
      assert.strictEqual(value(m, 'WithKey', ['PubliclyAccessible']), true);
      assert.deepStrictEqual(origin(m, 'WithKey', ['BackupRetentionPeriod']), {
        text: 'backupRetention: cdk.Duration.days(14)',
        synthetic: false,
      });
      assert.strictEqual(value(m, 'WithKey', ['BackupRetentionPeriod']), 14);
      assert.deepStrictEqual(value(m, 'WithKey', ['EnableCloudwatchLogsExports']), ['error']);
      assert.deepStrictEqual(
        value(m, 'WithKey', ['KmsKeyId']),
        { Ref: 'DbKey' },
        'a key made in this file is a Ref rules can follow',
      );
    },
  );
  it('a same-file const is known and points at the prop', () => {
    assert.strictEqual(value(m, 'Explicit', ['StorageEncrypted']), true);
    assert.deepStrictEqual(origin(m, 'Explicit', ['StorageEncrypted']), {
      text: 'storageEncrypted: ENCRYPT',
      synthetic: false,
    });
  });
  it('props.x is unknown, not a default', () => {
    assert.deepStrictEqual(value(m, 'FromProps', ['StorageEncrypted']), UNKNOWN('props.encrypt'));
  });
  it('DatabaseCluster: storageEncrypted defaults to false (verified in 2.276.0), engine from the factory', () => {
    assert.strictEqual(resource(m, 'Cluster').type, 'AWS::RDS::DBCluster');
    assert.strictEqual(value(m, 'Cluster', ['StorageEncrypted']), false);
    assert.strictEqual(origin(m, 'Cluster', ['StorageEncrypted']).synthetic, true);
    assert.strictEqual(value(m, 'Cluster', ['Engine']), 'aurora-postgresql');
    assert.strictEqual(value(m, 'Cluster', ['DeletionProtection']), undefined);
  });
  it('a read replica inherits encryption from its source: unknown', () => {
    assert.deepStrictEqual(value(m, 'Replica', ['StorageEncrypted']), UNKNOWN('inherited from the source'));
  });
});

describe('CDK model: storage, keys and logs', () => {
  const m = modelOf(fixture('storage.ts'));
  it('DynamoDB: PITR off by default; pointInTimeRecoverySpecification and the deprecated boolean both map', () => {
    assert.strictEqual(value(m, 'Table', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']), false);
    assert.strictEqual(
      origin(m, 'Table', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']).synthetic,
      true,
    );
    assert.strictEqual(value(m, 'TableSpec', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']), true);
    assert.deepStrictEqual(value(m, 'TableSpec', ['SSESpecification']), { SSEEnabled: true });
    assert.deepStrictEqual(
      origin(m, 'TableLegacy', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']),
      { text: 'pointInTimeRecovery: true', synthetic: false },
    );
  });
  it('EBS volume unencrypted by default; a function result stays unknown', () => {
    assert.strictEqual(value(m, 'Volume', ['Encrypted']), false);
    assert.strictEqual(origin(m, 'Volume', ['Encrypted']).synthetic, true);
    assert.deepStrictEqual(value(m, 'Volume', ['Size']), UNKNOWN('cdk_size()'));
    assert.deepStrictEqual(origin(m, 'EncryptedVolume', ['Encrypted']), { text: 'encrypted: true', synthetic: false });
  });
  it('EFS encrypted by default in CDK v2; explicit false points at the prop', () => {
    assert.strictEqual(value(m, 'Files', ['Encrypted']), true);
    assert.strictEqual(origin(m, 'Files', ['Encrypted']).synthetic, true);
    assert.deepStrictEqual(origin(m, 'PlainFiles', ['Encrypted']), { text: 'encrypted: false', synthetic: false });
    assert.strictEqual(value(m, 'PlainFiles', ['BackupPolicy', 'Status']), 'ENABLED');
  });
  it('KMS key rotation off by default', () => {
    assert.strictEqual(value(m, 'Key', ['EnableKeyRotation']), false);
    assert.strictEqual(origin(m, 'Key', ['EnableKeyRotation']).synthetic, true);
    assert.strictEqual(value(m, 'RotatedKey', ['RotationPeriodInDays']), 180);
  });
  it('log groups keep two years (731 days) by default; INFINITE writes nothing', () => {
    assert.strictEqual(value(m, 'Logs', ['RetentionInDays']), 731);
    assert.strictEqual(origin(m, 'Logs', ['RetentionInDays']).synthetic, true);
    assert.deepStrictEqual(origin(m, 'AuditLogs', ['RetentionInDays']), {
      text: 'retention: logs.RetentionDays.FIVE_YEARS',
      synthetic: false,
    });
    assert.strictEqual(value(m, 'AuditLogs', ['RetentionInDays']), 1827);
    assert.strictEqual(value(m, 'ForeverLogs', ['RetentionInDays']), undefined);
  });
});

describe('CDK model: network', () => {
  const m = modelOf(fixture('network.ts'));
  it('addIngressRule and connections.allowFrom… become SecurityGroupIngress at the call', () => {
    const ingress = value(m, 'AdminSg', ['SecurityGroupIngress']) as Record<string, unknown>[];
    assert.deepStrictEqual(ingress[0], {
      CidrIp: '0.0.0.0/0',
      IpProtocol: 'tcp',
      FromPort: 22,
      ToPort: 22,
      Description: 'SSH from anywhere',
    });
    assert.deepStrictEqual(ingress[1], { CidrIp: '10.0.0.0/16', IpProtocol: 'tcp', FromPort: 8000, ToPort: 8100 });
    assert.deepStrictEqual(ingress[2], { CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389 });
    assert.deepStrictEqual(
      origin(m, 'AdminSg', ['SecurityGroupIngress', 0, 'CidrIp']).text,
      "sg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH from anywhere')",
    );
    assert.strictEqual(value(m, 'AdminSg', ['SecurityGroupEgress', 0, 'CidrIp']), '255.255.255.255/32');
  });
  it("an instance's connections use the group CDK creates for it", () => {
    assert.deepStrictEqual(value(m, 'HostSecurityGroup', ['SecurityGroupIngress']), [
      { CidrIpv6: '::/0', IpProtocol: '-1' },
    ]);
  });
  it('instances: block devices, and requireImdsv2 as a launch template requiring tokens', () => {
    assert.strictEqual(value(m, 'Host', ['BlockDeviceMappings', 0, 'Ebs', 'Encrypted']), true);
    assert.strictEqual(
      value(m, 'HostLaunchTemplate', ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens']),
      'required',
    );
    assert.strictEqual(value(m, 'Template', ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens']), 'optional');
  });
  it('listeners: protocol from the port; open listeners open the load balancer group to the world', () => {
    assert.strictEqual(value(m, 'Http', ['Protocol']), 'HTTP');
    assert.strictEqual(origin(m, 'Http', ['Protocol']).synthetic, true);
    assert.strictEqual(value(m, 'Https', ['Protocol']), 'HTTPS');
    assert.strictEqual(value(m, 'Https', ['SslPolicy']), 'ELBSecurityPolicy-TLS13-1-2-2021-06');
    assert.deepStrictEqual(value(m, 'AlbSecurityGroup', ['SecurityGroupIngress']), [
      { CidrIp: '0.0.0.0/0', Description: 'Allow from anyone', FromPort: 80, IpProtocol: 'tcp', ToPort: 80 },
    ]);
    assert.strictEqual(value(m, 'Alb', ['Scheme']), 'internet-facing');
  });
  it('CloudFront: TLSv1.2_2021 with a certificate; viewer policy unknown without cdk.json (feature flag)', () => {
    assert.deepStrictEqual(
      value(m, 'Cdn', ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy']),
      UNKNOWN('depends on the project feature flag'),
    );
    assert.strictEqual(value(m, 'Cdn', ['DistributionConfig', 'ViewerCertificate']), undefined);
    assert.strictEqual(
      value(m, 'CdnTls', ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion']),
      'TLSv1.2_2021',
    );
    assert.strictEqual(
      value(m, 'CdnTls', ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy']),
      'redirect-to-https',
    );
  });
  it('enforceSSL adds the bucket policy denying non-TLS requests; versioned → VersioningConfiguration', () => {
    assert.deepStrictEqual(value(m, 'WebPolicy', ['Bucket']), { Ref: 'Web' });
    assert.deepStrictEqual(value(m, 'WebPolicy', ['PolicyDocument', 'Statement', 0, 'Condition']), {
      Bool: { 'aws:SecureTransport': 'false' },
    });
    assert.strictEqual(origin(m, 'WebPolicy', ['Bucket']).text, 'enforceSSL: true');
    assert.strictEqual(value(m, 'Web', ['VersioningConfiguration', 'Status']), 'Enabled');
  });
  it('VPC flow logs become AWS::EC2::FlowLog resources', () => {
    assert.deepStrictEqual(value(m, 'VpcFlowLogAll', ['ResourceId']), { Ref: 'Vpc' });
    assert.strictEqual(value(m, 'VpcFlowLogAll', ['TrafficType']), 'ALL');
  });
});

describe('CDK model: account services, messaging, backup and L1', () => {
  const m = modelOf(fixture('account.ts'));
  it('Trail defaults: file validation, multi-region and global events on; a bucket is created for it', () => {
    for (const p of ['EnableLogFileValidation', 'IsMultiRegionTrail', 'IncludeGlobalServiceEvents']) {
      assert.strictEqual(value(m, 'Trail', [p]), true, p);
      assert.strictEqual(origin(m, 'Trail', [p]).synthetic, true, p);
    }
    assert.strictEqual(value(m, 'Trail', ['KMSKeyId']), undefined);
    assert.strictEqual(resource(m, 'TrailS3').type, 'AWS::S3::Bucket');
    assert.deepStrictEqual(origin(m, 'CheckedTrail', ['EnableLogFileValidation']), {
      text: 'enableFileValidation: false',
      synthetic: false,
    });
    assert.strictEqual(value(m, 'CheckedTrailLogGroup', ['RetentionInDays']), 3653);
  });
  it('L1 Cfn* constructs map 1:1 (camelCase → CloudFormation names, irregular ones from the library)', () => {
    assert.strictEqual(resource(m, 'Detector').type, 'AWS::GuardDuty::Detector');
    assert.strictEqual(value(m, 'Detector', ['Enable']), true);
    assert.strictEqual(origin(m, 'Detector', ['Enable']).text, 'true');
    assert.strictEqual(value(m, 'Recorder', ['RoleARN']), 'arn:aws:iam::123456789012:role/config');
    assert.strictEqual(value(m, 'Recorder', ['RecordingGroup', 'AllSupported']), true);
  });
  it('SNS has no KMS key by default; SQS is SQS-managed by default', () => {
    assert.strictEqual(value(m, 'Alerts', ['KmsMasterKeyId']), undefined);
    assert.strictEqual(resource(m, 'SecureAlertsPolicy').type, 'AWS::SNS::TopicPolicy');
    assert.strictEqual(value(m, 'Queue', ['SqsManagedSseEnabled']), true);
    assert.strictEqual(origin(m, 'Queue', ['SqsManagedSseEnabled']).synthetic, true);
    assert.strictEqual(value(m, 'PlainQueue', ['SqsManagedSseEnabled']), false);
  });
  it('backup vault, plan from a factory, and a selection', () => {
    assert.strictEqual(resource(m, 'Vault').type, 'AWS::Backup::BackupVault');
    assert.strictEqual(resource(m, 'Plan').type, 'AWS::Backup::BackupPlan');
    assert.deepStrictEqual(value(m, 'All', ['BackupPlanId']), { Ref: 'Plan' });
  });
});

describe('CDK model: imports and aliases', () => {
  const m = modelOf(fixture('imports.ts'));
  it('namespace alias, named import with rename, aws-cdk-lib root namespace, CDK v1 all resolve', () => {
    for (const id of ['ViaAlias', 'ViaNamed', 'ViaRoot', 'ViaV1']) {
      assert.strictEqual(
        value(m, id, [
          'BucketEncryption',
          'ServerSideEncryptionConfiguration',
          0,
          'ServerSideEncryptionByDefault',
          'SSEAlgorithm',
        ]),
        'aws:kms',
        id,
      );
    }
    assert.strictEqual(resource(m, 'KeyViaMember').type, 'AWS::KMS::Key');
  });
  it('props held in a same-file const object are read', () => {
    assert.strictEqual(
      value(m, 'ViaConstProps', [
        'BucketEncryption',
        'ServerSideEncryptionConfiguration',
        0,
        'ServerSideEncryptionByDefault',
        'SSEAlgorithm',
      ]),
      'AES256',
    );
  });
  it('props from elsewhere make the construct unreadable (listed, never checked)', () => {
    const u = modelOf(
      `import * as s3 from 'aws-cdk-lib/aws-s3';\n` +
        `export function f(scope: any, p: s3.BucketProps) { new s3.Bucket(scope, 'Opaque', p); }\n`,
    );
    assert.deepStrictEqual(
      u.template.resources.map(r => r.logicalId),
      [],
    );
    assert.deepStrictEqual(
      u.unreadable.map(r => r.logicalId),
      ['Opaque'],
    );
  });
  it('a spread leaves unwritten props unknown instead of defaulted', () => {
    const s = modelOf(
      `import * as kms from 'aws-cdk-lib/aws-kms';\nconst base = someDefaults();\n` +
        `new kms.Key(this, 'K', { ...base });\n`,
    );
    assert.deepStrictEqual(value(s, 'K', ['EnableKeyRotation']), UNKNOWN('may be set by a spread'));
  });
});
