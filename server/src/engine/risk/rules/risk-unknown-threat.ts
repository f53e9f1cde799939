import { catalogId } from './support';
import { RiskRule } from './types';

/** A risk's threat is one of 表5-1 (or a local threat the file defines). */
export const rule: RiskRule = {
  id: 'risk-unknown-threat',
  check({ doc, report: d }) {
    for (const r of doc.risks) if (r.threat) catalogId(d, r.threat, 'threat', 'risk-unknown-threat');
  },
};
