import { labelledValue } from '../lookup';
import { RiskRule } from './types';

/** An accepted risk says why it is accepted. */
export const rule: RiskRule = {
  id: 'risk-accept-unjustified',
  check({ doc, catalog, report: d }) {
    for (const r of doc.risks) {
      if (!r.treatment || r.justification) continue;
      if (labelledValue(catalog, 'treatments', r.treatment.text)?.id !== 'accept') continue;
      d.add('risk-accept-unjustified', r.treatment.start, r.treatment.end, { id: r.id?.text ?? '?' });
    }
  },
};
