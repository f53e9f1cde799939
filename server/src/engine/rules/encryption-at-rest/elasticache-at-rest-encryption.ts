import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'elasticache-at-rest-encryption',
  runsOn: ['AWS::ElastiCache::ReplicationGroup'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['AtRestEncryptionEnabled']);
  },
};
