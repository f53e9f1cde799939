import { get, isMap } from '../../model/node';
import { anchorOf, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

/** All four public-access-block switches must be on. */
export const rule: Rule = {
  id: 's3-public-access-block',
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    const block = get(r.properties, 'PublicAccessBlockConfiguration');
    const full = Object.fromEntries(flags.map(f => [f, true]));
    if (block === undefined) {
      ctx.report({
        args: { value: 'PublicAccessBlockConfiguration' },
        fix: { kind: 'set', resource: r, path: ['Properties', 'PublicAccessBlockConfiguration'], value: full },
      });
      return;
    }
    if (!isMap(block)) return;
    for (const f of flags) {
      for (const o of propertyOutcomes(ctx, r, ['PublicAccessBlockConfiguration', f])) {
        if (o.value === UNKNOWN || o.value === true || o.value === 'true') continue;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: f },
          fix: { kind: 'set', resource: r, path: ['Properties', 'PublicAccessBlockConfiguration', f], value: true },
        });
      }
    }
  },
};
