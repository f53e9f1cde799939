import { requirePresent } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'kinesis-stream-encrypted',
  runsOn: ['AWS::Kinesis::Stream'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['StreamEncryption'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'StreamEncryption'],
      value: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
    }));
  },
};
