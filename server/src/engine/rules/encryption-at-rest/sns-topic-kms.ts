import { requirePresent } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'sns-topic-kms',
  runsOn: ['AWS::SNS::Topic'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['KmsMasterKeyId'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'KmsMasterKeyId'],
      value: 'alias/aws/sns',
    }));
  },
};
