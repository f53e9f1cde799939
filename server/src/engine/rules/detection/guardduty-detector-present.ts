import { DETECTOR, has } from '../support/account-services';
import { freeLogicalId, resourcesKey } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'guardduty-detector-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, DETECTOR)) return;
    ctx.report({
      at: resourcesKey(t),
      fix: {
        kind: 'addResource',
        logicalId: freeLogicalId(t, 'GuardDutyDetector'),
        body: { Type: DETECTOR, Properties: { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' } },
      },
    });
  },
};
