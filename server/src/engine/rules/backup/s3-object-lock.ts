import { get, scalarString } from '../../model/node';
import { Resource, resourcesOfType, Template } from '../../model/template';
import { refTarget } from '../support/outcomes';
import { settingConsequences } from '../support/deliveries';

import { anchorOf, notSet, propertyOutcomes, requirePresent, requireTrue } from '../support/outcomes';
import { auditRetention } from '../support/baseline';
import { Rule, RuleContext } from '../types';

/**
 * Default retention the fix adds: governance mode for the audit-log retention (`iryoGuard.auditLogRetentionDays`,
 * default 1,827 days), the same period the audit-log rules and the log-archive fixes use.
 */
const defaultRetention = (days: number) => ({
  ObjectLockEnabled: 'Enabled',
  Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: days } },
});

/** Buckets CloudTrail or AWS Config deliver into (their logical IDs), once per template. */
function deliveryBuckets(t: Template): Set<string | undefined> {
  return new Set(
    [...resourcesOfType(t, 'AWS::CloudTrail::Trail'), ...resourcesOfType(t, 'AWS::Config::DeliveryChannel')].map(
      x => refTarget(get(x.properties, 'S3BucketName'))?.id,
    ),
  );
}

/** Buckets that hold backups or audit logs, by name or because CloudTrail / AWS Config deliver into them. */
function isArchiveBucket(ctx: RuleContext, r: Resource): boolean {
  const t = ctx.template;
  const deliveredTo = ctx.once('s3-object-lock:deliveryBuckets', () => deliveryBuckets(t)).has(r.logicalId);
  const name = scalarString(get(r.properties, 'BucketName')) ?? '';
  return deliveredTo || [...words(r.logicalId), ...words(name)].some(w => ARCHIVE_WORDS.has(w));
}

/** Words of a name: `AuditLogBucket`, `ehr-audit-logs` → audit, log(s), bucket. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const ARCHIVE_WORDS = new Set([
  'backup',
  'backups',
  'archive',
  'archives',
  'log',
  'logs',
  'logging',
  'audit',
  'trail',
  'cloudtrail',
]);

export const rule: Rule = {
  id: 's3-object-lock',
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    if (!isArchiveBucket(ctx, r)) return;
    // Some deliveries refuse a bucket with Object Lock (S3 server access logs, Redshift audit logs), in any stack;
    // turning it on also needs versioning Enabled, which the fix sets with it.
    const lock = settingConsequences(ctx, r, 'ObjectLockEnabled');
    if (lock.forbidden.length) return;
    const retention = defaultRetention(auditRetention(ctx.settings));
    const absent = (path: string[]) =>
      propertyOutcomes(ctx, r, path).every(o => o.value === undefined && !o.via.length);
    if (absent(['ObjectLockEnabled']) && absent(['ObjectLockConfiguration'])) {
      // Neither half is there: one finding whose fix adds both, not two findings that each fix half.
      ctx.report({
        at: anchorOf(r, {}),
        args: { property: 'ObjectLockEnabled', value: notSet() },
        fix: {
          kind: 'set',
          resource: r,
          path: ['Properties', 'ObjectLockConfiguration'],
          value: retention,
          also: [{ kind: 'set', resource: r, path: ['Properties', 'ObjectLockEnabled'], value: true }, ...lock.alsoSet],
        },
      });
      return;
    }
    requireTrue(ctx, r, ['ObjectLockEnabled']);
    requirePresent(ctx, r, ['ObjectLockConfiguration'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'ObjectLockConfiguration'],
      value: retention,
      also: lock.alsoSet,
    }));
  },
};
