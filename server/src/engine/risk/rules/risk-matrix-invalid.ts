import { matrixProblems } from '../levels';
import { RiskRule } from './types';

/** An assessment's own `matrix:` must define every level once, with thresholds in order. */
export const rule: RiskRule = {
  id: 'risk-matrix-invalid',
  check({ doc, catalog, report: d }) {
    const m = doc.assessment?.matrix;
    if (!m) return;
    for (const p of matrixProblems(catalog, m)) d.add('risk-matrix-invalid', p.start, p.end, { detail: p.detail });
  },
};
