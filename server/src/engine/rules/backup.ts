import { Arg, phrase } from '../i18n/text';
import { get, isMap, isSeq, Node, scalarString } from '../model/node';
import { Resource } from '../model/template';
import {
  anchorOf,
  asBool,
  asNumber,
  itemsOf,
  nodeOutcomes,
  notSet,
  propertyOutcomes,
  requireAtLeast,
  requirePresent,
  requireTrue,
  scalarOutcomesOf,
  setWithin,
  UNKNOWN,
} from './helpers';
import { DB_CLUSTER, DB_INSTANCE, engineOf, isClusterMember } from './rds-model';
import { ScalarOutcome } from '../model/evaluate';
import { FixSpec } from '../fixes/spec';
import { Rule } from './types';

/** Backups that survive mistakes and ransomware: retention, deletion protection, redundancy, immutability. */

/** CloudFormation gives DB instances and clusters 1 day of automated backups when BackupRetentionPeriod is absent. */
const rdsBackupRetention: Rule = {
  id: 'rds-backup-retention',
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r) || get(r.properties, 'SourceDBInstanceIdentifier') !== undefined) return;
    requireAtLeast(ctx, r, ['BackupRetentionPeriod'], 7, 1, 7);
  },
};

const rdsDeletionProtection: Rule = {
  id: 'rds-deletion-protection',
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r)) return;
    requireTrue(ctx, r, ['DeletionProtection']);
  },
};

/** A standby in another AZ; Aurora members get this from the cluster and SQL Server Express cannot have one. */
const rdsMultiAz: Rule = {
  id: 'rds-multi-az',
  resourceTypes: [DB_INSTANCE],
  checkResource(r, ctx) {
    if (
      isClusterMember(r) ||
      engineOf(r) === 'sqlserver-ex' ||
      get(r.properties, 'SourceDBInstanceIdentifier') !== undefined
    )
      return;
    requireTrue(ctx, r, ['MultiAZ']);
  },
};

const PITR = ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'] as const;
const dynamodbPitr: Rule = {
  id: 'dynamodb-pitr',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  checkResource(r, ctx) {
    if (r.type === 'AWS::DynamoDB::Table') {
      requireTrue(ctx, r, [...PITR]);
      return;
    }
    // A global table turns point-in-time recovery on per replica: each replica keeps its own copy of the data.
    for (const [i, replica] of itemsOf(get(r.properties, 'Replicas')).entries()) {
      if (!isMap(replica)) continue;
      const region = get(replica, 'Region');
      for (const o of nodeOutcomes(ctx, replica, PITR)) {
        const on = o.value === undefined ? false : asBool(o.value);
        if (on === true || on === UNKNOWN) continue;
        ctx.report({
          at: o.value !== undefined && o.anchor ? o.anchor : (region ?? anchorOf(r, {})),
          via: o.via,
          args: {
            property: `Replicas[${scalarString(region) ?? i}].${PITR.join('.')}`,
            value: o.value === undefined ? notSet() : String(o.value),
          },
          fix: o.via.length
            ? undefined
            : o.value === undefined
              ? setWithin(r, replica, [...PITR], true)
              : o.anchor
                ? { kind: 'replace', node: o.anchor, value: true }
                : undefined,
        });
      }
    }
  },
};

/** Governance mode is offered as the quick fix: compliance mode cannot be undone once its grace period ends. */
const backupVaultLock: Rule = {
  id: 'backup-vault-lock',
  resourceTypes: ['AWS::Backup::BackupVault'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['LockConfiguration'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'LockConfiguration'],
      value: { MinRetentionDays: 7 },
    }));
  },
};

const MIN_BACKUP_DAYS = 30;

/** Each plan rule keeps recovery points long enough to reach back past an attack that went unnoticed for weeks. */
const backupPlanRetention: Rule = {
  id: 'backup-plan-retention',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  checkResource(r, ctx) {
    const rules = get(get(r.properties, 'BackupPlan'), 'BackupPlanRule');
    if (!isSeq(rules)) return;
    rules.items.forEach((rule, i) => {
      for (const o of propertyOutcomes(ctx, r, ['BackupPlan', 'BackupPlanRule', i, 'Lifecycle', 'DeleteAfterDays'])) {
        const days = asNumber(o.value);
        if (days === undefined || days === UNKNOWN || days >= MIN_BACKUP_DAYS) continue; // absent: kept until deleted
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { rule: ruleName(rule, i), value: days, min: MIN_BACKUP_DAYS },
          fix: o.via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 35 },
        });
      }
    });
  },
};

function ruleName(rule: Node, i: number): string {
  const n = get(rule, 'RuleName');
  return n && n.kind === 'scalar' ? String(n.value) : `#${i + 1}`;
}

/** Recovery points that exist only in one vault fall with that vault's account or Region. */
const backupPlanCopy: Rule = {
  id: 'backup-plan-copy',
  resourceTypes: ['AWS::Backup::BackupPlan'],
  checkResource(r, ctx) {
    const rules = get(get(r.properties, 'BackupPlan'), 'BackupPlanRule');
    if (!isSeq(rules) || rules.items.length === 0) return;
    const copies = rules.items.some(rule => {
      const c = get(rule, 'CopyActions');
      return c !== undefined && !(isSeq(c) && c.items.length === 0);
    });
    if (!copies) ctx.report({});
  },
};

interface Stateful {
  snapshot: boolean;
  deletionDefault: string;
}
const STATEFUL: Record<string, Stateful> = {
  [DB_INSTANCE]: { snapshot: true, deletionDefault: 'Snapshot' },
  [DB_CLUSTER]: { snapshot: true, deletionDefault: 'Snapshot' },
  'AWS::DynamoDB::Table': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::DynamoDB::GlobalTable': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::EFS::FileSystem': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::EC2::Volume': { snapshot: true, deletionDefault: 'Delete' },
};

/** Stack deletion or a replacing update must not silently delete stored patient data. */
const retainStateful: Rule = {
  id: 'cloudformation-retain-stateful',
  resourceTypes: Object.keys(STATEFUL),
  checkResource(r: Resource, ctx) {
    if (isClusterMember(r)) return; // the cluster holds the data
    const kind = STATEFUL[r.type];
    const keep = kind.snapshot ? 'Snapshot' : 'Retain';
    const deleting: Array<{ attribute: string; o: ScalarOutcome; value: Arg; fix?: FixSpec }> = [];
    for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      for (const o of scalarOutcomesOf(ctx, get(r.node, attribute))) {
        if (o.value === UNKNOWN) continue;
        const policy =
          o.value === undefined || o.value === null
            ? attribute === 'DeletionPolicy'
              ? kind.deletionDefault
              : 'Delete'
            : String(o.value);
        if (policy !== 'Delete') continue;
        deleting.push({
          attribute,
          o,
          value: o.value === undefined ? phrase('notSetSoDefault', { value: 'Delete' }) : policy,
          fix: o.via.length
            ? undefined
            : o.value === undefined || !o.anchor
              ? { kind: 'set', resource: r, path: [attribute], value: keep, title: policyTitle(attribute, keep) }
              : { kind: 'replace', node: o.anchor, value: keep, title: policyTitle(attribute, keep) },
        });
      }
    }
    // Both attributes missing (or both set by one CDK removalPolicy) point at the same place: one finding, one fix.
    const [a, b] = deleting;
    const at = (x: typeof a) => anchorOf(r, x.o);
    if (deleting.length === 2 && a.fix && b.fix && at(a).start === at(b).start && at(a).end === at(b).end) {
      const both = `${a.attribute}, ${b.attribute}`;
      ctx.report({
        at: at(a),
        args: { attribute: both, value: a.value, keep },
        fix: { ...a.fix, title: policyTitle(both, keep), also: [b.fix] },
      });
      return;
    }
    for (const d of deleting)
      ctx.report({
        at: anchorOf(r, d.o),
        via: d.o.via,
        args: { attribute: d.attribute, value: d.value, keep },
        fix: d.fix,
      });
  },
};

function policyTitle(attributes: string, keep: string) {
  return phrase('setAttributesTo', { attributes: attributes.split(', '), value: keep });
}

export const backupRules: Rule[] = [
  rdsBackupRetention,
  rdsDeletionProtection,
  rdsMultiAz,
  dynamodbPitr,
  backupVaultLock,
  backupPlanRetention,
  backupPlanCopy,
  retainStateful,
];
