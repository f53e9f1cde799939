import { get } from '../../model/node';
import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'ebs-volume-encrypted',
  runsOn: ['AWS::EC2::Volume'],
  checkResource(r, ctx) {
    // A volume made from a snapshot inherits the snapshot's encryption.
    requireTrue(ctx, r, ['Encrypted'], { absentIs: get(r.properties, 'SnapshotId') !== undefined });
  },
};
