import { useTemplateKeys } from '../support/template-keys';
import { requirePresent } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'backup-vault-kms',
  runsOn: ['AWS::Backup::BackupVault'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['EncryptionKeyArn'], () => useTemplateKeys(ctx, r, ['EncryptionKeyArn']));
  },
};
