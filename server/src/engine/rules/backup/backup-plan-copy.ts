import { get, isSeq } from '../../model/node';
import { Rule } from '../types';

/** Recovery points that exist only in one vault fall with that vault's account or Region. */
export const rule: Rule = {
  id: 'backup-plan-copy',
  runsOn: ['AWS::Backup::BackupPlan'],
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
