import { propertyOutcomes } from '../support/outcomes';

import { anchorOf, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

const PUBLIC_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

export const rule: Rule = {
  id: 's3-bucket-public-acl',
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['AccessControl'])) {
      if (o.value === UNKNOWN || o.value === undefined || !PUBLIC_ACLS.has(String(o.value))) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: String(o.value) },
        fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'Private' },
      });
    }
  },
};
