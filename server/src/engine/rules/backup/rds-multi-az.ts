import { get } from '../../model/node';
import { requireTrue } from '../support/outcomes';
import { DB_INSTANCE, engineOf, isClusterMember } from '../support/rds';
import { Rule } from '../types';

/** A standby in another AZ; Aurora members get this from the cluster and SQL Server Express cannot have one. */
export const rule: Rule = {
  id: 'rds-multi-az',
  runsOn: [DB_INSTANCE],
  checkResource(r, ctx) {
    if (
      isClusterMember(r) ||
      engineOf(r) === 'sqlserver-ex' ||
      get(r.properties, 'SourceDBInstanceIdentifier') !== undefined
    )
      return;
    requireTrue(ctx, r, ['MultiAZ']);
  },
};
