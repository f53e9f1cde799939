import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'efs-encrypted',
  runsOn: ['AWS::EFS::FileSystem'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Encrypted']);
  },
};
