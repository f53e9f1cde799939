import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

/** Encryption at rest for databases, queues, streams, search and logs that carry patient data. */

/** DynamoDB always encrypts, but only `SSEEnabled: true` moves tables onto a KMS key whose use is logged. */
export const rule: Rule = {
  id: 'dynamodb-kms-encryption',
  runsOn: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['SSESpecification', 'SSEEnabled']);
  },
};
