import { keyFix, noKeyFixReason } from '../support/deliveries';
import { anchorOf, notSet, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

/**
 * A topic without a KMS key. The fix is alias/aws/sns unless a service publishes to the topic (alarms, EventBridge,
 * Backup…): that key's policy cannot admit them, so the fix creates a customer managed key that does.
 */
export const rule: Rule = {
  id: 'sns-topic-kms',
  runsOn: ['AWS::SNS::Topic'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['KmsMasterKeyId'])) {
      if (o.value !== undefined && o.value !== null && o.value !== '') continue;
      const fix = keyFix(ctx, r, 'KmsMasterKeyId', 'alias/aws/sns');
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { property: 'KmsMasterKeyId', value: notSet() },
        fix,
        noFix: fix ? undefined : noKeyFixReason(ctx, r),
      });
    }
  },
};
