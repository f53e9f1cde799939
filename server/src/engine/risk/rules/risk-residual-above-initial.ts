import { levelRank, thresholdsOf } from '../levels';
import { computedLevel } from './support';
import { RiskRule } from './types';

/** Treatment does not make a risk worse: the residual level is not above the initial one. */
export const rule: RiskRule = {
  id: 'risk-residual-above-initial',
  check({ doc, catalog, report: d }) {
    const th = thresholdsOf(catalog, doc);
    for (const r of doc.risks) {
      if (!r.residual) continue;
      const initial = computedLevel(th, r.impact, r.likelihood);
      const residual = computedLevel(th, r.residual.impact, r.residual.likelihood);
      if (!initial || !residual || levelRank(catalog, residual) >= levelRank(catalog, initial)) continue;
      const lv = r.residual.level;
      const [s, e] = lv ? [lv.start, lv.end] : [r.residual.entry.keyStart, r.residual.entry.keyEnd];
      d.add('risk-residual-above-initial', s, e, { residual, initial });
    }
  },
};
