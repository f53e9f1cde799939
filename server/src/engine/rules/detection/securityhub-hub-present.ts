import { has } from '../support/account-services';
import { freeLogicalId, resourcesKey } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'securityhub-hub-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, 'AWS::SecurityHub::Hub')) return;
    ctx.report({
      at: resourcesKey(t),
      fix: {
        kind: 'addResource',
        logicalId: freeLogicalId(t, 'SecurityHub'),
        body: { Type: 'AWS::SecurityHub::Hub', Properties: { EnableDefaultStandards: true } },
      },
    });
  },
};
