import { riskAnchor, treatmentOf } from './support';
import { RiskRule } from './types';

/**
 * A scenario marked not applicable (対象外) says why: it counts as covered, so an unexplained one would hide a gap.
 * Such a risk needs no impact or likelihood (the sheet leaves them blank), so their absence is not reported.
 */
export const rule: RiskRule = {
  id: 'risk-not-applicable-unjustified',
  check({ doc, catalog, report: d }) {
    for (const r of doc.risks) {
      if (r.justification?.text.trim() || treatmentOf(catalog, r) !== 'not-applicable') continue;
      const at = r.treatment ?? riskAnchor(r);
      d.add('risk-not-applicable-unjustified', at.start, at.end, { id: r.id?.text ?? '?' });
    }
  },
};
