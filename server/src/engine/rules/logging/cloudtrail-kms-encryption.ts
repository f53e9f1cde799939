import { keyUsableBy, ref } from '../support/baseline';
import { anchorOf, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudtrail-kms-encryption',
  runsOn: ['AWS::CloudTrail::Trail'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['KMSKeyId'])) {
      if (o.value === UNKNOWN || (o.value !== undefined && o.value !== '')) continue;
      const keyId = keyUsableBy(ctx.template, 'cloudtrail.amazonaws.com');
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        fix:
          keyId && !o.via.length
            ? { kind: 'set', resource: r, path: ['Properties', 'KMSKeyId'], value: ref(keyId) }
            : undefined,
      });
    }
  },
};
