import { get, scalarString } from '../../model/node';
import { Resource } from '../../model/template';

/** Facts about RDS resources that decide which settings apply where. */
export const DB_INSTANCE = 'AWS::RDS::DBInstance';
export const DB_CLUSTER = 'AWS::RDS::DBCluster';

/**
 * An instance inside an Aurora or Multi-AZ cluster: storage, backups and deletion protection are set on the cluster.
 */
export function isClusterMember(r: Resource): boolean {
  if (r.type !== DB_INSTANCE) return false;
  if (get(r.properties, 'DBClusterIdentifier') !== undefined) return true;
  return scalarString(get(r.properties, 'Engine'))?.toLowerCase().startsWith('aurora') ?? false;
}

/** Engine name in lower case, when written literally. */
export function engineOf(r: Resource): string | undefined {
  return scalarString(get(r.properties, 'Engine'))?.toLowerCase();
}
