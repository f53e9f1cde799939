import { CHANNEL, RECORDER, deliveryChannel, has } from '../support/account-services';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'config-delivery-channel',
  accountLevel: true,
  runsOn: [RECORDER],
  checkResource(r, ctx) {
    if (has(ctx.template, CHANNEL)) return;
    ctx.report({ fix: deliveryChannel(ctx.template) });
  },
};
