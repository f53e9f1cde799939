import { useTemplateKeys } from '../support/template-keys';
import { requirePresent } from '../support/outcomes';
import { Rule } from '../types';

/** CloudWatch Logs encrypts with a service key by default; patient data in logs deserves a key with a policy. */
export const rule: Rule = {
  id: 'logs-group-kms',
  runsOn: ['AWS::Logs::LogGroup'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['KmsKeyId'], () => useTemplateKeys(ctx, r, ['KmsKeyId'], 'useKmsKeyAllowingLogs'));
  },
};
