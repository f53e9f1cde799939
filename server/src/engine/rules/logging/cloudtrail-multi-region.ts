import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudtrail-multi-region',
  runsOn: ['AWS::CloudTrail::Trail'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['IsMultiRegionTrail']);
  },
};
