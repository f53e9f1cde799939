import { checkSqs } from '../support/sqs-encryption';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'sqs-queue-kms',
  runsOn: ['AWS::SQS::Queue'],
  checkResource: (r, ctx) => checkSqs(r, ctx, 'managed'),
};
