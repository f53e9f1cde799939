import { inScale } from '../levels';
import { Num } from '../model';
import { RiskRule } from './types';

/** Impact and likelihood are on the 1–5 scales, before and after treatment. */
export const rule: RiskRule = {
  id: 'risk-value-out-of-range',
  check({ doc, report: d }) {
    const scale = (n: Num | undefined, key: string) => {
      if (n && !inScale(n.value)) d.add('risk-value-out-of-range', n.start, n.end, { key, value: n.value });
    };
    for (const r of doc.risks) {
      scale(r.impact, 'impact');
      scale(r.likelihood, 'likelihood');
      scale(r.residual?.impact, 'impact');
      scale(r.residual?.likelihood, 'likelihood');
    }
  },
};
