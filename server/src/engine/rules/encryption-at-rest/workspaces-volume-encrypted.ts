import { phrase } from '../../i18n/text';
import { requirePresent, requireTrue } from '../support/outcomes';
import { Rule } from '../types';

/** Root and user volumes encrypted, with the key named (WorkSpaces needs the key to encrypt at all). */
export const rule: Rule = {
  id: 'workspaces-volume-encrypted',
  runsOn: ['AWS::WorkSpaces::Workspace'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['RootVolumeEncryptionEnabled']);
    requireTrue(ctx, r, ['UserVolumeEncryptionEnabled']);
    requirePresent(ctx, r, ['VolumeEncryptionKey'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'VolumeEncryptionKey'],
      value: 'alias/aws/workspaces',
      title: phrase('setValue', { property: 'VolumeEncryptionKey', value: 'alias/aws/workspaces' }),
    }));
  },
};
