import { DETECTOR, requireSingleton } from '../support/account-services';
import { freeLogicalId } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'guardduty-detector-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    requireSingleton(t, ctx, DETECTOR, () => ({
      kind: 'addResource',
      logicalId: freeLogicalId(t, 'GuardDutyDetector'),
      body: { Type: DETECTOR, Properties: { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' } },
    }));
  },
};
