import { phrase } from '../../i18n/text';
import { get, scalarString } from '../../model/node';
import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { tlsParameterFor } from '../support/rds-tls-parameters';
import { Rule } from '../types';

/** RDS for PostgreSQL 15 and later turns rds.force_ssl on by default. */
function forcedByDefault(family: string): boolean {
  const m = /^postgres(\d+)/.exec(family);
  return m !== null && Number(m[1]) >= 15;
}

export const rule: Rule = {
  id: 'rds-require-tls',
  runsOn: ['AWS::RDS::DBParameterGroup', 'AWS::RDS::DBClusterParameterGroup'],
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
        fix:
          o.value === undefined || !o.anchor
            ? { kind: 'set', resource: r, path: ['Properties', 'Parameters', p.name], value: p.required }
            : { kind: 'replace', node: o.anchor, value: p.required },
      });
    }
  },
};
