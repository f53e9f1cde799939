import { get } from '../../model/node';

import { isMap, scalarString } from '../../model/node';

import { anchorOf, asBool, itemsOf, nodeOutcomes, notSet, requireTrue, setWithin, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

const PITR = ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled'] as const;

export const rule: Rule = {
  id: 'dynamodb-pitr',
  runsOn: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
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
          fix:
            o.value === undefined
              ? setWithin(r, replica, [...PITR], true)
              : o.anchor
                ? { kind: 'replace', node: o.anchor, value: true }
                : undefined,
        });
      }
    }
  },
};
