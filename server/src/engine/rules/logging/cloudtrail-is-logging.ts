import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudtrail-is-logging',
  runsOn: ['AWS::CloudTrail::Trail'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['IsLogging']);
  },
};
