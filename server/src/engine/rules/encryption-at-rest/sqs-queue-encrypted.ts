import { checkSqs } from '../support/sqs-encryption';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'sqs-queue-encrypted',
  runsOn: ['AWS::SQS::Queue'],
  checkResource: (r, ctx) => checkSqs(r, ctx, 'unencrypted'),
};
