import { get, Node } from '../../model/node';

import { isSeq } from '../../model/node';

import { anchorOf, asNumber, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

function ruleName(rule: Node, i: number): string {
  const n = get(rule, 'RuleName');
  return n && n.kind === 'scalar' ? String(n.value) : `#${i + 1}`;
}

const MIN_BACKUP_DAYS = 30;

/** Each plan rule keeps recovery points long enough to reach back past an attack that went unnoticed for weeks. */
export const rule: Rule = {
  id: 'backup-plan-retention',
  runsOn: ['AWS::Backup::BackupPlan'],
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
          fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 35 },
        });
      }
    });
  },
};
