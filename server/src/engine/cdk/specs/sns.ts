/** aws-sns: `Topic`. */
import { opaque } from './props';
import { ConstructSpec } from './types';

export const topic: ConstructSpec = {
  module: 'aws-sns',
  classes: ['Topic'],
  type: 'AWS::SNS::Topic',
  props: [{ ...opaque('masterKey', ['KmsMasterKeyId']), note: 'none: the topic is not encrypted' }],
  enforceSSL: { type: 'AWS::SNS::TopicPolicy', refKey: 'Topics', action: 'sns:Publish' },
};
