/** aws-sqs: `Queue`. */
import { Cfn, Opaque } from '../cfn-value';
import { enumOf, opaque } from './props';
import { ConstructSpec } from './types';

export const queue: ConstructSpec = {
  module: 'aws-sqs',
  classes: ['Queue'],
  type: 'AWS::SQS::Queue',
  props: [
    enumOf(
      'encryption',
      [],
      ['aws-sqs', 'QueueEncryption'],
      {
        KMS: { KmsMasterKeyId: new Opaque('queue key') },
        KMS_MANAGED: { KmsMasterKeyId: 'alias/aws/sqs' },
        SQS_MANAGED: { SqsManagedSseEnabled: true },
        UNENCRYPTED: { SqsManagedSseEnabled: false },
      },
      (c): Cfn =>
        c.has('encryptionMasterKey') ? { KmsMasterKeyId: new Opaque('queue key') } : { SqsManagedSseEnabled: true },
      'SQS_MANAGED; KMS when `encryptionMasterKey` is given',
    ),
    opaque('encryptionMasterKey', ['KmsMasterKeyId']),
  ],
  enforceSSL: { type: 'AWS::SQS::QueuePolicy', refKey: 'Queues', action: 'sqs:*' },
};
