import { levelIds, levelRank, normalizeLevel, thresholdsOf } from '../levels';
import { computedLevel, riskAnchor, treatmentOf } from './support';
import { RiskRule } from './types';

/** A residual risk above the assessment's acceptance level carries a justification and who accepted it. */
export const rule: RiskRule = {
  id: 'risk-residual-unjustified',
  check({ doc, catalog, report: d }) {
    const written = doc.assessment?.acceptance;
    const acceptance = written ? normalizeLevel(written.text) : undefined;
    if (!acceptance || !levelIds(catalog).includes(acceptance)) return;
    const th = thresholdsOf(catalog, doc);
    for (const r of doc.risks) {
      if (treatmentOf(catalog, r) === 'not-applicable') continue; // nothing remains of a scenario that cannot arise
      const initial = computedLevel(th, r.impact, r.likelihood);
      const residual = r.residual ? computedLevel(th, r.residual.impact, r.residual.likelihood) : initial;
      if (!residual || levelRank(catalog, residual) >= levelRank(catalog, acceptance)) continue;
      if (r.justification && r.acceptedBy) continue;
      const at = riskAnchor(r);
      d.add('risk-residual-unjustified', at.start, at.end, { id: r.id?.text ?? '?', residual, acceptance });
    }
  },
};
