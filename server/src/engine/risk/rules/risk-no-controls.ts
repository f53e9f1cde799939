import { labelledValue } from '../lookup';
import { RiskRule } from './types';

/** A risk treated by reducing or avoiding it names the controls that do so. */
export const rule: RiskRule = {
  id: 'risk-no-controls',
  check({ doc, catalog, report: d }) {
    for (const r of doc.risks) {
      const t = r.treatment && labelledValue(catalog, 'treatments', r.treatment.text)?.id;
      if ((t !== 'reduce' && t !== 'avoid') || r.controls.length) continue;
      const args = { id: r.id?.text ?? '?', treatment: r.treatment!.text };
      d.add('risk-no-controls', r.treatment!.start, r.treatment!.end, args);
    }
  },
};
