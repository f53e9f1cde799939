import { catalogId } from './support';
import { RiskRule } from './types';

/** A risk's scenarios are minimum scenarios of 別紙2. */
export const rule: RiskRule = {
  id: 'risk-unknown-scenario',
  check({ doc, report: d }) {
    for (const r of doc.risks) for (const s of r.scenarios) catalogId(d, s, 'scenario', 'risk-unknown-scenario');
  },
};
