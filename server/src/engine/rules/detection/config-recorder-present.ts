import { FixSpec } from '../../fixes/spec';
import { auditRetention, sub } from '../support/baseline';
import { CHANNEL, deliveryChannel, RECORDER, requireSingleton } from '../support/account-services';
import { freeLogicalId } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'config-recorder-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    requireSingleton(t, ctx, RECORDER, () => {
      const recorder: FixSpec = {
        kind: 'addResource',
        logicalId: freeLogicalId(t, 'ConfigRecorder'),
        body: {
          Type: RECORDER,
          Properties: {
            RoleARN: sub(
              'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/' +
                'config.amazonaws.com/AWSServiceRoleForConfig',
            ),
            RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
          },
        },
      };
      // A recorder needs a delivery channel; one elsewhere in the project is the account's.
      if (!ctx.project.definingType(CHANNEL).length) recorder.also = [deliveryChannel(t, auditRetention(ctx.settings))];
      return recorder;
    });
  },
};
