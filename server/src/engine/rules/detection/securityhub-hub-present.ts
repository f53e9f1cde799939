import { requireSingleton } from '../support/account-services';
import { freeLogicalId } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'securityhub-hub-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    requireSingleton(t, ctx, 'AWS::SecurityHub::Hub', () => ({
      kind: 'addResource',
      logicalId: freeLogicalId(t, 'SecurityHub'),
      body: { Type: 'AWS::SecurityHub::Hub', Properties: { EnableDefaultStandards: true } },
    }));
  },
};
