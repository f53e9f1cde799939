import { requireNotTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'redshift-publicly-accessible',
  runsOn: ['AWS::Redshift::Cluster'],
  checkResource(r, ctx) {
    requireNotTrue(ctx, r, ['PubliclyAccessible']);
  },
};
