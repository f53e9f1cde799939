import { requireNotTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'rds-publicly-accessible',
  runsOn: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  checkResource(r, ctx) {
    requireNotTrue(ctx, r, ['PubliclyAccessible']);
  },
};
