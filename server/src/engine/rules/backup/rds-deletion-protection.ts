import { requireTrue } from '../support/outcomes';
import { DB_CLUSTER, DB_INSTANCE, isClusterMember } from '../support/rds';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'rds-deletion-protection',
  runsOn: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r)) return;
    requireTrue(ctx, r, ['DeletionProtection']);
  },
};
