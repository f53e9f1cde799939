import * as assert from 'assert';
import { fixesOf } from '../../helpers';
import { analysisOf, applyAndRecheck, findingsOf, lineOf } from './support';

const DB_WITH_PARAMETER = `Parameters:
  EncryptStorage:
    Type: String
    AllowedValues: [true, false]
    Default: true
Resources:
  PatientRecordsDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !Ref EncryptStorage
`;

describe('encryption-at-rest rules', () => {
  it(
    'a parameter allowing false with a compliant default is reported once, as information, fixed on the ' + 'parameter',
    () => {
      const { a, found } = analysisOf('rds-storage-encrypted', 'db.yaml', DB_WITH_PARAMETER);
      assert.strictEqual(found.length, 1);
      assert.strictEqual(lineOf(found[0]), 11);
      assert.strictEqual(found[0].severity, 'info');
      assert.match(
        found[0].message,
        /\(StorageEncrypted: false\) \(only when parameter EncryptStorage = "false"; the default "true" of parameter EncryptStorage complies\)$/,
      );
      assert.deepStrictEqual(
        fixesOf(a, found[0]).map(f => f.title),
        ['Remove false from the AllowedValues of parameter EncryptStorage'],
      );
    },
  );

  it('names the parameter value in Japanese too', () => {
    const [f] = findingsOf('rds-storage-encrypted', 'db.yaml', DB_WITH_PARAMETER, { lang: 'ja' });
    assert.match(
      f.message,
      /パラメータ EncryptStorage = "false" のときのみ。パラメータ EncryptStorage の既定値 "true" は適合しています/,
    );
  });

  it('reports the Fn::If branch that turns encryption off, with its condition', () => {
    const text = `Conditions:
  IsProduction: !Equals [!Ref Env, prod]
Parameters:
  Env: { Type: String }
Resources:
  SharedDocuments:
    Type: AWS::EFS::FileSystem
    Properties:
      Encrypted: !If [IsProduction, true, false]
`;
    const { found } = analysisOf('efs-encrypted', 'efs.yaml', text);
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /when condition IsProduction is false/);
    assert.strictEqual(lineOf(found[0]), 9);
    assert.match(applyAndRecheck('efs-encrypted', 'efs.yaml', text), /Encrypted: !If \[IsProduction, true, true\]/);
  });

  it('an Fn::If branch that removes the key (AWS::NoValue) is reported', () => {
    const text = `Resources:
  LabResultTopic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !If [UseKey, alias/ehr-sns, !Ref AWS::NoValue]
`;
    const found = findingsOf('sns-topic-kms', 'sns.yaml', text);
    assert.deepStrictEqual(
      found.map(f => f.message),
      [
        'SNS topic LabResultTopic names no KMS key for server-side encryption (KmsMasterKeyId) (when ' +
          'condition UseKey is false)',
      ],
    );
  });

  it('values that cannot be known statically raise nothing', () => {
    const text = `Resources:
  RecordsDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: !ImportValue shared-encryption-flag
  LabResultTopic:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: !GetAtt TopicKey.Arn
  ApiLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !Sub "arn:aws:kms:\${AWS::Region}:\${AWS::AccountId}:key/abc"
  DicomVolume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: ap-northeast-1a
      Encrypted: !Ref UndeclaredFlag
`;
    for (const rule of ['rds-storage-encrypted', 'sns-topic-kms', 'logs-group-kms', 'ebs-volume-encrypted']) {
      assert.deepStrictEqual(findingsOf(rule, 'unknown.yaml', text), [], rule);
    }
  });

  it('Aurora instances and read replicas take encryption from elsewhere', () => {
    const text = `Resources:
  OrdersCluster:
    Type: AWS::RDS::DBCluster
    Properties: { Engine: aurora-mysql, StorageEncrypted: true }
  OrdersWriter:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBClusterIdentifier: !Ref OrdersCluster, DBInstanceClass: db.r6g.large }
  OrdersReader:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-mysql, DBInstanceClass: db.r6g.large }
  ReportingReplica:
    Type: AWS::RDS::DBInstance
    Properties: { SourceDBInstanceIdentifier: records-primary, DBInstanceClass: db.m6g.large }
`;
    assert.deepStrictEqual(findingsOf('rds-storage-encrypted', 'aurora.yaml', text), []);
  });

  it('asymmetric and imported keys are not asked to rotate', () => {
    const text = `Resources:
  SigningKey:
    Type: AWS::KMS::Key
    Properties: { KeySpec: RSA_2048, KeyUsage: SIGN_VERIFY }
  ImportedKey:
    Type: AWS::KMS::Key
    Properties: { Origin: EXTERNAL }
  RecordsKey:
    Type: AWS::KMS::Key
    Properties: { KeySpec: SYMMETRIC_DEFAULT }
`;
    assert.deepStrictEqual(
      findingsOf('kms-key-rotation', 'keys.yaml', text).map(f => f.resource),
      ['RecordsKey'],
    );
  });

  it('fixes a flow-style YAML resource and keeps it parseable', () => {
    const text = `Resources:
  PatientRecordsDb: { Type: AWS::RDS::DBInstance, Properties: { Engine: postgres, DBInstanceClass: db.m6g.large } }
  SessionCache: { Type: AWS::ElastiCache::ReplicationGroup, Properties: { AtRestEncryptionEnabled: false } }
`;
    assert.strictEqual(
      applyAndRecheck('rds-storage-encrypted', 'flow.yaml', text),
      text.replace('DBInstanceClass: db.m6g.large }', 'DBInstanceClass: db.m6g.large, StorageEncrypted: true }'),
    );
    assert.strictEqual(
      applyAndRecheck('elasticache-at-rest-encryption', 'flow.yaml', text),
      text.replace('AtRestEncryptionEnabled: false', 'AtRestEncryptionEnabled: true'),
    );
  });

  it('fixes JSON and keeps it parseable', () => {
    const text = JSON.stringify(
      {
        Resources: {
          VitalsStream: { Type: 'AWS::Kinesis::Stream', Properties: { Name: 'icu-vitals' } },
          PacsServer: {
            Type: 'AWS::EC2::Instance',
            Properties: { BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { VolumeSize: 100 } }] },
          },
        },
      },
      null,
      2,
    );
    const kinesis = JSON.parse(applyAndRecheck('kinesis-stream-encrypted', 'ehr.json', text));
    assert.deepStrictEqual(kinesis.Resources.VitalsStream.Properties.StreamEncryption, {
      EncryptionType: 'KMS',
      KeyId: 'alias/aws/kinesis',
    });
    const ec2 = JSON.parse(applyAndRecheck('ec2-block-device-encrypted', 'ehr.json', text));
    assert.deepStrictEqual(ec2.Resources.PacsServer.Properties.BlockDeviceMappings[0].Ebs, {
      VolumeSize: 100,
      Encrypted: true,
    });
  });

  it('writes the expected YAML for a block device and a stream', () => {
    const text = `Resources:
  PacsServer:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 100
  VitalsStream:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: icu-vitals
`;
    assert.strictEqual(
      applyAndRecheck('ec2-block-device-encrypted', 'ehr.yaml', text),
      `Resources:
  PacsServer:
    Type: AWS::EC2::Instance
    Properties:
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 100
            Encrypted: true
  VitalsStream:
    Type: AWS::Kinesis::Stream
    Properties:
      Name: icu-vitals
`,
    );
    assert.strictEqual(
      applyAndRecheck('kinesis-stream-encrypted', 'ehr.yaml', text),
      text +
        `      StreamEncryption:
        EncryptionType: KMS
        KeyId: alias/aws/kinesis
`,
    );
  });

  it('offers one fix per KMS key in the template for a log group', () => {
    const text = `Resources:
  ApiLogs:
    Type: AWS::Logs::LogGroup
  AuditKey:
    Type: AWS::KMS::Key
    Properties: { EnableKeyRotation: true }
  AppKey:
    Type: AWS::KMS::Key
    Properties: { EnableKeyRotation: true }
`;
    const { a, found } = analysisOf('logs-group-kms', 'logs.yaml', text);
    assert.deepStrictEqual(
      fixesOf(a, found[0]).map(x => x.title),
      [
        'Use KMS key AuditKey (its key policy must allow CloudWatch Logs)',
        'Use KMS key AppKey (its key policy must allow CloudWatch Logs)',
      ],
    );
  });
});
