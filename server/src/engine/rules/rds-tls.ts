import { phrase } from '../i18n/text';
import { get, scalarString } from '../model/node';
import { anchorOf, propertyOutcomes } from './helpers';
import { DB_CLUSTER, DB_INSTANCE, engineOf, isClusterMember } from './rds-model';
import { Rule } from './types';

/** Database connections must be TLS-only; RDS enforces that through a parameter of the DB's parameter group. */

interface TlsParameter {
  name: string;
  required: string;
  accepted: string[];
}
const FORCE_SSL: TlsParameter = { name: 'rds.force_ssl', required: '1', accepted: ['1', 'true'] };
const SECURE_TRANSPORT: TlsParameter = {
  name: 'require_secure_transport',
  required: 'ON',
  accepted: ['on', '1', 'true'],
};

/** The TLS parameter for an engine or parameter-group family (`postgres16`, `aurora-mysql8.0`, `sqlserver-se-15.0`…). */
function tlsParameterFor(family: string): TlsParameter | undefined {
  if (/^(aurora-)?postgres/.test(family) || family.startsWith('sqlserver')) return FORCE_SSL;
  if (/^(aurora-)?mysql|^aurora$|^mariadb/.test(family)) return SECURE_TRANSPORT;
  return undefined; // Oracle and Db2 configure TLS through option groups or listeners
}

/** RDS for PostgreSQL 15 and later turns rds.force_ssl on by default. */
function forcedByDefault(family: string): boolean {
  const m = /^postgres(\d+)/.exec(family);
  return m !== null && Number(m[1]) >= 15;
}

const rdsRequireTls: Rule = {
  id: 'rds-require-tls',
  resourceTypes: ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
  checkResource(r, ctx) {
    const family = scalarString(get(r.properties, 'Family'))?.toLowerCase();
    if (!family) return;
    // Aurora enforces TLS with the cluster parameter group; its instance groups have no say.
    if (r.type === 'AWS::RDS::DBParameterGroup' && family.startsWith('aurora')) return;
    const p = tlsParameterFor(family);
    if (!p) return;
    for (const o of propertyOutcomes(ctx, r, ['Parameters', p.name])) {
      if (typeof o.value === 'symbol') continue;
      if (o.value === undefined ? forcedByDefault(family) : p.accepted.includes(String(o.value).toLowerCase()))
        continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: {
          parameter: p.name,
          required: p.required,
          value: o.value === undefined || o.value === null ? phrase('notSet') : String(o.value),
        },
        fix: o.via.length
          ? undefined
          : o.value === undefined || !o.anchor
            ? { kind: 'set', resource: r, path: ['Properties', 'Parameters', p.name], value: p.required }
            : { kind: 'replace', node: o.anchor, value: p.required },
      });
    }
  },
};

/** A DB left on the default parameter group accepts unencrypted connections (except PostgreSQL 15+). */
const rdsTlsParameterGroup: Rule = {
  id: 'rds-tls-parameter-group',
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
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

export const rdsTlsRules: Rule[] = [rdsRequireTls, rdsTlsParameterGroup];
