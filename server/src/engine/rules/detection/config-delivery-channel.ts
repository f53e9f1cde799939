import { CHANNEL, RECORDER, deliveryChannel } from '../support/account-services';
import { auditRetention } from '../support/baseline';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'config-delivery-channel',
  accountLevel: true,
  runsOn: [RECORDER],
  checkResource(r, ctx) {
    if (ctx.project.definingType(CHANNEL).length) return;
    ctx.report({ fix: deliveryChannel(ctx.template, auditRetention(ctx.settings)) });
  },
};
