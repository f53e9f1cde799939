import { get, scalarString } from '../../model/node';
import { anchorOf, asNumber, propertyOutcomes, UNKNOWN } from './outcomes';
import { Rule } from '../types';
import { Settings } from '../../model/types';
import { phrase } from '../../i18n/text';

export const AUDIT_NAME = /audit|trail|flow|access/i;

/**
 * Audit log groups keep the configured audit-log retention (default 5 years); any other log group keeps at least one
 * year. Absent retention means the group never expires, which satisfies both.
 */
export function retentionRule(id: string, forAuditGroups: boolean, minimum: (s: Settings) => number): Rule {
  return {
    id,
    runsOn: ['AWS::Logs::LogGroup'],
    checkResource(r, ctx) {
      const name = scalarString(get(r.properties, 'LogGroupName')) ?? '';
      if ((AUDIT_NAME.test(r.logicalId) || AUDIT_NAME.test(name)) !== forAuditGroups) return;
      const min = minimum(ctx.settings);
      for (const o of propertyOutcomes(ctx, r, ['RetentionInDays'])) {
        const days = asNumber(o.value);
        if (days === UNKNOWN || days === undefined || days >= min) continue;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: days, min },
          fix: !o.anchor
            ? undefined
            : { kind: 'replace', node: o.anchor, value: min, title: phrase('keepForDays', { days: min }) },
        });
      }
    },
  };
}
