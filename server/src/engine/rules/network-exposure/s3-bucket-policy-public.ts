import { get, intrinsicName, isMap, isScalar, Node, scalarString } from '../../model/node';
import { itemsOf } from '../support/outcomes';

import { nodeOutcomes, policyStatements } from '../support/outcomes';
import { Rule } from '../types';

/** `Principal: "*"`, `{AWS: "*"}` or `{AWS: ["*"]}`. */
function isEveryone(p: Node | undefined): boolean {
  if (isScalar(p)) return scalarString(p) === '*';
  if (!isMap(p) || intrinsicName(p)) return false;
  return itemsOf(get(p, 'AWS')).some(x => scalarString(x) === '*');
}

export const rule: Rule = {
  id: 's3-bucket-policy-public',
  runsOn: ['AWS::S3::BucketPolicy'],
  checkResource(r, ctx) {
    for (const s of policyStatements(get(r.properties, 'PolicyDocument'))) {
      const effect = nodeOutcomes(ctx, s, ['Effect']);
      if (!effect.every(o => o.value === 'Allow')) continue;
      const principal = get(s, 'Principal');
      if (!isEveryone(principal) || get(s, 'Condition') !== undefined) continue;
      ctx.report({ at: principal ?? s });
    }
  },
};
