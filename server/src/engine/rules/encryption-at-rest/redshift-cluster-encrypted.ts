import { get } from '../../model/node';
import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'redshift-cluster-encrypted',
  runsOn: ['AWS::Redshift::Cluster'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Encrypted'], { absentIs: get(r.properties, 'SnapshotIdentifier') !== undefined });
  },
};
