import { levelRank, thresholdsOf } from '../levels';
import { labelledValue } from '../lookup';
import { computedLevel } from './support';
import { RiskRule } from './types';

/** A risk at level A or S is not simply accepted. */
export const rule: RiskRule = {
  id: 'risk-accept-high-level',
  check({ doc, catalog, report: d }) {
    const th = thresholdsOf(catalog, doc);
    for (const r of doc.risks) {
      if (!r.treatment || labelledValue(catalog, 'treatments', r.treatment.text)?.id !== 'accept') continue;
      const level = computedLevel(th, r.impact, r.likelihood);
      if (!level || levelRank(catalog, level) > levelRank(catalog, 'A')) continue;
      d.add('risk-accept-high-level', r.treatment.start, r.treatment.end, { id: r.id?.text ?? '?', level });
    }
  },
};
