import { phrase } from '../../i18n/text';
import { levelIds, levelRank, normalizeLevel, thresholdsOf } from '../levels';
import { computedLevel, treatmentOf } from './support';
import { RiskRule } from './types';

/**
 * 対応要否 (actionRequired) agrees with the level and the treatment: "not required" for a level above the acceptance
 * level, or "required" for a risk that is only accepted or out of scope, contradicts the sheet's own evaluation.
 */
export const rule: RiskRule = {
  id: 'risk-action-required-mismatch',
  check({ doc, catalog, report: d }) {
    const written = doc.assessment?.acceptance;
    const acceptance = written ? normalizeLevel(written.text) : undefined;
    const known = !!acceptance && levelIds(catalog).includes(acceptance);
    const th = thresholdsOf(catalog, doc);
    for (const r of doc.risks) {
      if (r.actionRequired === undefined) continue;
      const entry = r.obj.fields.get('actionRequired')!;
      const at = [entry.value.start, entry.value.end] as const;
      const id = r.id?.text ?? '?';
      const t = treatmentOf(catalog, r);
      const level = computedLevel(th, r.impact, r.likelihood);
      if (!r.actionRequired && known && level && levelRank(catalog, level) < levelRank(catalog, acceptance!)) {
        d.add('risk-action-required-mismatch', ...at, {
          id,
          detail: phrase('actionNotRequiredAboveAcceptance', { level, acceptance: acceptance! }),
        });
      } else if (r.actionRequired && (t === 'accept' || t === 'not-applicable')) {
        d.add('risk-action-required-mismatch', ...at, {
          id,
          detail: phrase('actionRequiredButNotTreated', { treatment: r.treatment!.text }),
        });
      }
    }
  },
};
