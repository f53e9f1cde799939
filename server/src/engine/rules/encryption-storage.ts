import { phrase } from '../i18n/text';
import { get, isMap, isSeq, scalarString } from '../model/node';
import { Resource } from '../model/template';
import { asBool, notSet, requirePresent, requireTrue, scalarOutcomesOf, setWithin, UNKNOWN } from './helpers';
import { DB_CLUSTER, DB_INSTANCE, isClusterMember, isRestoredOrReplica } from './rds-model';
import { FixSpec } from '../fixes/spec';
import { Rule, RuleContext } from './types';

/** Encryption at rest for block, file and database storage, and the keys that protect it. */

const rdsStorageEncrypted: Rule = {
  id: 'rds-storage-encrypted',
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r)) return; // Aurora and Multi-AZ cluster members take encryption from the cluster
    const serverlessV1 = scalarString(get(r.properties, 'EngineMode')) === 'serverless'; // always encrypted
    requireTrue(ctx, r, ['StorageEncrypted'], { absentIs: serverlessV1 || isRestoredOrReplica(r) });
  },
};

const ebsVolumeEncrypted: Rule = {
  id: 'ebs-volume-encrypted',
  resourceTypes: ['AWS::EC2::Volume'],
  checkResource(r, ctx) {
    // A volume made from a snapshot inherits the snapshot's encryption.
    requireTrue(ctx, r, ['Encrypted'], { absentIs: get(r.properties, 'SnapshotId') !== undefined });
  },
};

/** Every EBS volume an instance or launch template creates through BlockDeviceMappings. */
const ec2BlockDeviceEncrypted: Rule = {
  id: 'ec2-block-device-encrypted',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  checkResource(r, ctx) {
    const owner = r.type === 'AWS::EC2::LaunchTemplate' ? get(r.properties, 'LaunchTemplateData') : r.properties;
    const mappings = get(owner, 'BlockDeviceMappings');
    if (!isSeq(mappings)) return;
    for (const m of mappings.items) {
      const ebs = get(m, 'Ebs');
      if (!isMap(ebs)) continue; // instance-store or NoDevice entries have nothing to encrypt
      const fromSnapshot = get(ebs, 'SnapshotId') !== undefined;
      for (const o of scalarOutcomesOf(ctx, get(ebs, 'Encrypted'))) {
        const b = o.value === undefined ? (fromSnapshot ? true : false) : asBool(o.value);
        if (b === true || b === UNKNOWN) continue;
        const device = scalarString(get(m, 'DeviceName')) ?? '?';
        ctx.report({
          at: o.anchor ?? get(m, 'DeviceName') ?? ebs,
          via: o.via,
          args: { device, value: o.value === undefined ? notSet() : String(o.value) },
          fix: o.via.length ? undefined : setWithin(r, ebs, ['Encrypted'], true),
        });
      }
    }
  },
};

const efsEncrypted: Rule = {
  id: 'efs-encrypted',
  resourceTypes: ['AWS::EFS::FileSystem'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Encrypted']);
  },
};

const redshiftEncrypted: Rule = {
  id: 'redshift-cluster-encrypted',
  resourceTypes: ['AWS::Redshift::Cluster'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Encrypted'], { absentIs: get(r.properties, 'SnapshotIdentifier') !== undefined });
  },
};

/** Root and user volumes encrypted, with the key named (WorkSpaces needs the key to encrypt at all). */
const workspacesEncrypted: Rule = {
  id: 'workspaces-volume-encrypted',
  resourceTypes: ['AWS::WorkSpaces::Workspace'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['RootVolumeEncryptionEnabled']);
    requireTrue(ctx, r, ['UserVolumeEncryptionEnabled']);
    requirePresent(ctx, r, ['VolumeEncryptionKey'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'VolumeEncryptionKey'],
      value: 'alias/aws/workspaces',
      title: phrase('setValue', { property: 'VolumeEncryptionKey', value: 'alias/aws/workspaces' }),
    }));
  },
};

/** Automatic yearly rotation; only symmetric keys whose material KMS generated can rotate automatically. */
const kmsKeyRotation: Rule = {
  id: 'kms-key-rotation',
  resourceTypes: ['AWS::KMS::Key'],
  checkResource(r, ctx) {
    const spec = get(r.properties, 'KeySpec');
    if (spec !== undefined && scalarString(spec) !== 'SYMMETRIC_DEFAULT') return;
    const origin = get(r.properties, 'Origin');
    if (origin !== undefined && scalarString(origin) !== 'AWS_KMS') return;
    requireTrue(ctx, r, ['EnableKeyRotation']);
  },
};

const backupVaultKms: Rule = {
  id: 'backup-vault-kms',
  resourceTypes: ['AWS::Backup::BackupVault'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['EncryptionKeyArn'], () => useTemplateKeys(ctx, r, ['EncryptionKeyArn']));
  },
};

/** One fix per KMS key defined in the template: point the property at that key's ARN. */
export function useTemplateKeys(
  ctx: RuleContext,
  r: Resource,
  path: string[],
  title: 'useKmsKey' | 'useKmsKeyAllowingLogs' = 'useKmsKey',
): FixSpec[] {
  return ctx.template.resources
    .filter(k => k.type === 'AWS::KMS::Key')
    .map(k => ({
      kind: 'set',
      resource: r,
      path: ['Properties', ...path],
      value: { 'Fn::GetAtt': [k.logicalId, 'Arn'] },
      title: phrase(title, { key: k.logicalId }),
    }));
}

export const storageEncryptionRules: Rule[] = [
  rdsStorageEncrypted,
  ebsVolumeEncrypted,
  ec2BlockDeviceEncrypted,
  efsEncrypted,
  redshiftEncrypted,
  workspacesEncrypted,
  kmsKeyRotation,
  backupVaultKms,
];
