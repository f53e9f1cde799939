import { get, scalarString } from '../../model/node';
import { Resource } from '../../model/template';

import { requireTrue } from '../support/outcomes';
import { DB_CLUSTER, DB_INSTANCE, isClusterMember } from '../support/rds';
import { Rule } from '../types';

/** Created from a snapshot or another database: unset storage settings are inherited from that source. */
function isRestoredOrReplica(r: Resource): boolean {
  const keys =
    r.type === DB_INSTANCE
      ? ['SourceDBInstanceIdentifier', 'DBSnapshotIdentifier', 'SourceDBClusterIdentifier', 'SourceDbiResourceId']
      : ['SnapshotIdentifier', 'SourceDBClusterIdentifier', 'RestoreType'];
  return keys.some(k => get(r.properties, k) !== undefined);
}

/** Encryption at rest for block, file and database storage, and the keys that protect it. */

export const rule: Rule = {
  id: 'rds-storage-encrypted',
  runsOn: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r)) return; // Aurora and Multi-AZ cluster members take encryption from the cluster
    const serverlessV1 = scalarString(get(r.properties, 'EngineMode')) === 'serverless'; // always encrypted
    requireTrue(ctx, r, ['StorageEncrypted'], { absentIs: serverlessV1 || isRestoredOrReplica(r) });
  },
};
