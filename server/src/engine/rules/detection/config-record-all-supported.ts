import { branchesAt } from '../../model/evaluate';
import { RECORDER } from '../support/account-services';
import { asBool, nodeOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

/** Without a RecordingGroup Config records every supported type; a written group must say AllSupported: true. */
export const rule: Rule = {
  id: 'config-record-all-supported',
  accountLevel: true,
  runsOn: [RECORDER],
  checkResource(r, ctx) {
    for (const g of branchesAt(r.node, ['Properties', 'RecordingGroup'])) {
      if (g.node === undefined) continue;
      for (const o of nodeOutcomes(ctx, g.node, ['AllSupported'])) {
        const b = asBool(o.value);
        if (b === true || b === UNKNOWN) continue;
        const via = [...g.via, ...o.via];
        ctx.report({
          at: o.anchor ?? g.node,
          via,
          fix: {
            kind: 'set',
            resource: r,
            path: ['Properties', 'RecordingGroup'],
            value: { AllSupported: true, IncludeGlobalResourceTypes: true },
          },
        });
      }
    }
  },
};
