import { requirePresent } from '../support/outcomes';
import { Rule } from '../types';

/** Governance mode is offered as the quick fix: compliance mode cannot be undone once its grace period ends. */
export const rule: Rule = {
  id: 'backup-vault-lock',
  runsOn: ['AWS::Backup::BackupVault'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['LockConfiguration'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'LockConfiguration'],
      value: { MinRetentionDays: 7 },
    }));
  },
};
