import { DETECTOR } from '../support/account-services';
import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'guardduty-detector-enabled',
  accountLevel: true,
  runsOn: [DETECTOR],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Enable']);
  },
};
