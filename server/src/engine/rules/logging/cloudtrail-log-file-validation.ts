import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudtrail-log-file-validation',
  runsOn: ['AWS::CloudTrail::Trail'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['EnableLogFileValidation']);
  },
};
