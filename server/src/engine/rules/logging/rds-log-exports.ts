import { get, scalarString } from '../../model/node';
import { propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

import { isScalar, isSeq } from '../../model/node';

/** Log types that carry who-did-what for each engine family. */
function auditLogTypes(engine: string): { required: string; all: string[] } | undefined {
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return { required: 'postgresql', all: ['postgresql'] };
  if (e.includes('mysql') || e.includes('mariadb') || e === 'aurora')
    return { required: 'audit', all: ['audit', 'error', 'general', 'slowquery'] };
  if (e.startsWith('oracle')) return { required: 'audit', all: ['alert', 'audit', 'listener', 'trace'] };
  if (e.startsWith('sqlserver')) return { required: 'error', all: ['agent', 'error'] };
  return undefined;
}

export const rule: Rule = {
  id: 'rds-log-exports',
  runsOn: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  checkResource(r, ctx) {
    // the cluster exports
    if (r.type === 'AWS::RDS::DBInstance' && get(r.properties, 'DBClusterIdentifier') !== undefined) return;
    const engines = propertyOutcomes(ctx, r, ['Engine']);
    if (engines.some(o => o.value === UNKNOWN)) return;
    const engine = engines.map(o => (o.value === undefined ? '' : String(o.value))).find(Boolean) ?? '';
    const types = auditLogTypes(engine);
    if (!types || engines.some(o => String(o.value ?? '') !== engine)) return;
    const exports = get(r.properties, 'EnableCloudwatchLogsExports');
    if (exports !== undefined && !isSeq(exports)) return; // an intrinsic: unknown
    const written = exports?.items.map(i => (isScalar(i) ? scalarString(i) : undefined)) ?? [];
    if (written.some(w => w === undefined)) return;
    if (written.includes(types.required)) return;
    ctx.report({
      at: exports ?? { start: r.idStart, end: r.idEnd },
      args: { engine, value: types.required },
      fix: {
        kind: 'set',
        resource: r,
        path: ['Properties', 'EnableCloudwatchLogsExports'],
        value: [...new Set([...(written as string[]), ...types.all])],
      },
    });
  },
};
