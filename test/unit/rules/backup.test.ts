import * as assert from 'assert';
import { fixesOf } from '../../helpers';
import { analysisOf, applyAndRecheck, findingsOf, lineOf } from './support';

describe('backup and ransomware-resilience rules', () => {
  it('a retention parameter is reported once for its allowed values below 7 days, and fixed on the parameter', () => {
    const text = `Parameters:
  RetentionDays:
    Type: Number
    AllowedValues: [1, 7, 35]
Resources:
  PatientRecordsDb:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      BackupRetentionPeriod: !Ref RetentionDays
`;
    const { a, found } = analysisOf('rds-backup-retention', 'db.yaml', text);
    assert.deepStrictEqual(
      found.map(f => [lineOf(f), f.message, fixesOf(a, f).map(x => x.title)]),
      [
        [
          10,
          'Database PatientRecordsDb keeps automated backups too briefly (BackupRetentionPeriod: 1); keep them ' +
            'for at least 7 days (when parameter RetentionDays = "1")',
          [
            'Set the default of parameter RetentionDays to "7"',
            'Remove 1 from the AllowedValues of parameter RetentionDays',
          ],
        ],
      ],
    );
    assert.match(applyAndRecheck('rds-backup-retention', 'db.yaml', text, 0, 1), /AllowedValues: \[7, 35\]/);
  });

  it("an absent retention is the 1-day CloudFormation default, said in the reader's language", () => {
    const text = `Resources:
  PatientRecordsDb:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: postgres }
`;
    assert.match(
      findingsOf('rds-backup-retention', 'db.yaml', text)[0].message,
      /BackupRetentionPeriod: 1 \(default\)/,
    );
    assert.match(
      findingsOf('rds-backup-retention', 'db.yaml', text, { lang: 'ja' })[0].message,
      /BackupRetentionPeriod: 1 \(既定値\)/,
    );
  });

  it('reports the Fn::If branch without deletion protection, with its condition', () => {
    const text = `Resources:
  OrdersCluster:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      DeletionProtection: !If [IsProduction, true, false]
`;
    const { found } = analysisOf('rds-deletion-protection', 'db.yaml', text);
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /\(DeletionProtection: false\) \(when condition IsProduction is false\)$/);
    // The literal is replaced inside its branch: the condition stays as the author wrote it.
    assert.match(
      applyAndRecheck('rds-deletion-protection', 'db.yaml', text),
      /DeletionProtection: !If \[IsProduction, true, true\]/,
    );
  });

  it('values that cannot be known statically raise nothing', () => {
    const text = `Resources:
  PatientRecordsDb:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: !ImportValue shared-deletion-policy
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      BackupRetentionPeriod: !ImportValue shared-retention
      DeletionProtection: !GetAtt Settings.Protect
      MultiAZ: !Sub "\${MultiAzFlag}"
  RecordsVault:
    Type: AWS::Backup::BackupVault
    Properties:
      BackupVaultName: ehr
      LockConfiguration: !ImportValue shared-vault-lock
`;
    for (const rule of [
      'rds-backup-retention',
      'rds-deletion-protection',
      'rds-multi-az',
      'cloudformation-retain-stateful',
      'backup-vault-lock',
    ]) {
      assert.deepStrictEqual(findingsOf(rule, 'unknown.yaml', text), [], rule);
    }
  });

  it('Aurora members are judged through their cluster: no instance-level backup findings', () => {
    const text =
      `Resources:
  OrdersCluster:
    Type: AWS::RDS::DBCluster
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties: { Engine: aurora-postgresql, BackupRetentionPeriod: 14, DeletionProtection: true }
  OrdersWriter:
    Type: AWS::RDS::DBInstance
    Properties: { Engine: aurora-postgresql, DBClusterIdentifier: !Ref OrdersCluster, ` +
      `DBInstanceClass: db.r6g.large, MultiAZ: false }
`;
    for (const rule of [
      'rds-backup-retention',
      'rds-deletion-protection',
      'rds-multi-az',
      'cloudformation-retain-stateful',
    ]) {
      assert.deepStrictEqual(findingsOf(rule, 'aurora.yaml', text), [], rule);
    }
  });

  it('a DeletionPolicy parameter allowing Delete is reported, naming the value', () => {
    const text = `Parameters:
  DataPolicy: { Type: String, AllowedValues: [Delete, Retain] }
Resources:
  ConsentTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: !Ref DataPolicy
    UpdateReplacePolicy: Retain
    Properties: { BillingMode: PAY_PER_REQUEST }
`;
    const found = findingsOf('cloudformation-retain-stateful', 'table.yaml', text);
    assert.deepStrictEqual(
      found.map(f => f.message),
      [
        'ConsentTable would be deleted with its data by a stack operation (DeletionPolicy: Delete); use ' +
          'Retain (when parameter DataPolicy = "Delete")',
      ],
    );
  });

  it('writes the expected YAML for a missing deletion policy and for Object Lock', () => {
    const text = `Resources:
  ConsentTable:
    Type: AWS::DynamoDB::Table
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
  AuditLogArchive:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      VersioningConfiguration:
        Status: Enabled
`;
    assert.strictEqual(
      applyAndRecheck('cloudformation-retain-stateful', 'ehr.yaml', text),
      `Resources:
  ConsentTable:
    Type: AWS::DynamoDB::Table
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
    DeletionPolicy: Retain
  AuditLogArchive:
    Type: AWS::S3::Bucket
    Properties:
      ObjectLockEnabled: true
      VersioningConfiguration:
        Status: Enabled
`,
    );
    assert.strictEqual(
      applyAndRecheck('s3-object-lock', 'ehr.yaml', text),
      text +
        `      ObjectLockConfiguration:
        ObjectLockEnabled: Enabled
        Rule:
          DefaultRetention:
            Mode: GOVERNANCE
            Days: 1827
`,
    );
  });

  it('fixes flow-style YAML and JSON and keeps them parseable', () => {
    const yaml =
      `Resources:
  ConsentTable: { Type: AWS::DynamoDB::Table, DeletionPolicy: Retain, UpdateReplacePolicy: Retain, ` +
      `Properties: { BillingMode: PAY_PER_REQUEST } }
  ImagingBucket: { Type: AWS::S3::Bucket, Properties: { VersioningConfiguration: { Status: Suspended } } }
`;
    assert.strictEqual(
      applyAndRecheck('dynamodb-pitr', 'flow.yaml', yaml),
      yaml.replace(
        'BillingMode: PAY_PER_REQUEST }',
        'BillingMode: PAY_PER_REQUEST, PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true} }',
      ),
    );
    assert.strictEqual(
      applyAndRecheck('s3-bucket-versioning', 'flow.yaml', yaml),
      yaml.replace('Suspended', 'Enabled'),
    );
    const json = JSON.stringify(
      {
        Resources: {
          RecordsVault: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'ehr' } },
          RecordsPlan: {
            Type: 'AWS::Backup::BackupPlan',
            Properties: {
              BackupPlan: {
                BackupPlanName: 'daily',
                BackupPlanRule: [{ RuleName: 'daily', TargetBackupVault: 'ehr', Lifecycle: { DeleteAfterDays: 14 } }],
              },
            },
          },
        },
      },
      null,
      2,
    );
    const locked = JSON.parse(applyAndRecheck('backup-vault-lock', 'plan.json', json));
    assert.deepStrictEqual(locked.Resources.RecordsVault.Properties.LockConfiguration, { MinRetentionDays: 7 });
    const kept = JSON.parse(applyAndRecheck('backup-plan-retention', 'plan.json', json));
    assert.strictEqual(
      kept.Resources.RecordsPlan.Properties.BackupPlan.BackupPlanRule[0].Lifecycle.DeleteAfterDays,
      35,
    );
  });

  it('asks for Object Lock only on buckets that look like backup or log archives', () => {
    const text = `Resources:
  CatalogImages:
    Type: AWS::S3::Bucket
    Properties: { LoggingConfiguration: { DestinationBucketName: !Ref AccessLogs } }
  AccessLogs:
    Type: AWS::S3::Bucket
  Destination:
    Type: AWS::S3::Bucket
  Trail:
    Type: AWS::CloudTrail::Trail
    Properties: { IsLogging: true, S3BucketName: !Ref Destination }
  NightlyBackups:
    Type: AWS::S3::Bucket
    Properties: { BucketName: ehr-nightly-backups }
`;
    const flagged = [...new Set(findingsOf('s3-object-lock', 'buckets.yaml', text).map(f => f.resource))];
    assert.deepStrictEqual(flagged, ['Destination', 'NightlyBackups']);
  });
});
