/** aws-kms: `Key`. */
import { always, bool, days } from './props';
import { ConstructSpec } from './types';

export const key: ConstructSpec = {
  module: 'aws-kms',
  classes: ['Key'],
  type: 'AWS::KMS::Key',
  props: [
    bool('enableKeyRotation', ['EnableKeyRotation'], always(false)),
    days('rotationPeriod', ['RotationPeriodInDays']),
    bool('enabled', ['Enabled']),
    days('pendingWindow', ['PendingWindowInDays']),
  ],
  removalDefault: 'RETAIN',
};
