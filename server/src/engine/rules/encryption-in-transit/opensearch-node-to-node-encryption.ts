import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'opensearch-node-to-node-encryption',
  runsOn: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['NodeToNodeEncryptionOptions', 'Enabled']);
  },
};
