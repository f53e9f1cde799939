import { Diagnostics } from '../diagnostics';
import { replaceScalar, replacementFixes } from '../edits';
import { levelIds } from '../levels';
import { labelledValue } from '../lookup';
import { Str } from '../model';
import { isLevel, LABEL_FIELDS } from './support';
import { RiskRule } from './types';

/** Values from a closed list: the guideline edition, levels, treatments, perspectives, owners, classifications. */
export const rule: RiskRule = {
  id: 'risk-unknown-value',
  check({ doc, catalog, report: d }) {
    const a = doc.assessment;
    if (a?.guideline && !catalog.editions.has(a.guideline.text.trim())) {
      const candidates = catalog.suggest(a.guideline.text, 'edition');
      unknownValue(d, a.guideline, 'guideline', [...catalog.editions.keys()], candidates);
    }
    const level = (s: Str | undefined, field: string) => {
      if (s && !isLevel(catalog, s)) unknownValue(d, s, field, levelIds(catalog), []);
    };
    level(a?.acceptance, 'acceptance');
    for (const f of doc.flows) if (f.classification) labelled(d, f.classification, 'classification');
    for (const r of doc.risks) {
      if (r.treatment) labelled(d, r.treatment, 'treatment');
      level(r.level, 'level');
      level(r.residual?.level, 'level');
      for (const c of r.controls) {
        if (c.perspective) labelled(d, c.perspective, 'perspective');
        if (c.owner) labelled(d, c.owner, 'owner');
      }
    }
  },
};

/** A value from a risk-model list (treatment, perspective, owner, classification). */
function labelled(d: Diagnostics, s: Str, field: keyof typeof LABEL_FIELDS) {
  const kind = LABEL_FIELDS[field];
  if (labelledValue(d.ctx.catalog, kind, s.text)) return;
  const all = d.ctx.catalog.data.riskModel[kind];
  const typed = s.text.trim();
  const close = all
    .flatMap(x => [x.id, x.label.ja])
    .filter(n => typed.length >= 2 && n.toLowerCase().startsWith(typed.toLowerCase().slice(0, 2)))
    .slice(0, 3);
  unknownValue(
    d,
    s,
    field,
    all.map(x => x.id),
    close,
  );
}

function unknownValue(d: Diagnostics, s: Str, field: string, allowed: string[], candidates: string[]) {
  const fixes = replacementFixes(c => replaceScalar(d.lines, s, c), candidates);
  const args = { value: s.text, field, allowed: allowed.join(', '), hint: d.hint(candidates) };
  d.add('risk-unknown-value', s.start, s.end, args, { fixes });
}
