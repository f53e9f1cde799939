import { phrase } from '../../i18n/text';
import { asNumber, UNKNOWN } from '../../model/evaluate';
import { get } from '../../model/node';
import { Resource } from '../../model/template';
import { RuleContext } from '../types';

import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { DB_CLUSTER, DB_INSTANCE, isClusterMember } from '../support/rds';
import { Rule } from '../types';

/** Reports numeric outcomes below `min` (absent counts as `absentIs`). */
function requireAtLeast(
  ctx: RuleContext,
  r: Resource,
  path: string[],
  min: number,
  absentIs: number | undefined,
  fixValue: number,
): void {
  for (const o of propertyOutcomes(ctx, r, path)) {
    const n = o.value === undefined ? absentIs : asNumber(o.value);
    if (n === UNKNOWN || n === undefined || n >= min) continue;
    ctx.report({
      at: anchorOf(r, o),
      via: o.via,
      args: {
        property: path.join('.'),
        value: o.value === undefined ? phrase('defaultValue', { value: absentIs }) : String(o.value),
        min,
      },
      fix: { kind: 'set', resource: r, path: ['Properties', ...path], value: fixValue },
    });
  }
}

/** Backups that survive mistakes and ransomware: retention, deletion protection, redundancy, immutability. */

/** CloudFormation gives DB instances and clusters 1 day of automated backups when BackupRetentionPeriod is absent. */
export const rule: Rule = {
  id: 'rds-backup-retention',
  runsOn: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r) || get(r.properties, 'SourceDBInstanceIdentifier') !== undefined) return;
    requireAtLeast(ctx, r, ['BackupRetentionPeriod'], 7, 1, 7);
  },
};
