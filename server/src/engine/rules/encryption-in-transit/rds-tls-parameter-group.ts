import { get, scalarString } from '../../model/node';
import { DB_CLUSTER, DB_INSTANCE, engineOf, isClusterMember } from '../support/rds';
import { tlsParameterFor } from '../support/rds-tls-parameters';
import { Rule } from '../types';

/** A DB left on the default parameter group accepts unencrypted connections (except PostgreSQL 15+). */
export const rule: Rule = {
  id: 'rds-tls-parameter-group',
  runsOn: [DB_INSTANCE, DB_CLUSTER],
  checkResource(r, ctx) {
    if (isClusterMember(r)) return;
    const groupKey = r.type === DB_INSTANCE ? 'DBParameterGroupName' : 'DBClusterParameterGroupName';
    if (get(r.properties, groupKey) !== undefined) return;
    const engine = engineOf(r);
    if (!engine) return;
    const p = tlsParameterFor(engine);
    if (!p) return;
    if (engine === 'postgres') {
      const version = scalarString(get(r.properties, 'EngineVersion'));
      if (version === undefined || Number(version.split('.')[0]) >= 15 || Number.isNaN(Number(version.split('.')[0])))
        return;
    }
    ctx.report({ args: { parameter: p.name, required: p.required, group: groupKey } });
  },
};
