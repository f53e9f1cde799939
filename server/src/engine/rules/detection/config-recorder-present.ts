import { FixSpec } from '../../fixes/spec';
import { sub } from '../support/baseline';
import { CHANNEL, deliveryChannel, has, RECORDER } from '../support/account-services';
import { freeLogicalId, resourcesKey } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'config-recorder-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, RECORDER)) return;
    const recorder: FixSpec = {
      kind: 'addResource',
      logicalId: freeLogicalId(t, 'ConfigRecorder'),
      body: {
        Type: RECORDER,
        Properties: {
          RoleARN: sub(
            'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
          ),
          RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
        },
      },
    };
    if (!has(t, CHANNEL)) recorder.also = [deliveryChannel(t)];
    ctx.report({ at: resourcesKey(t), fix: recorder });
  },
};
