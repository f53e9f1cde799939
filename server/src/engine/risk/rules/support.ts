/** What several risk-file rules share: looking up IDs and values, and the risk levels a risk's numbers give. */
import { EntryKind } from '../../catalog/types';
import { Diagnostics } from '../diagnostics';
import { replaceScalar, replacementFixes } from '../edits';
import { Catalog } from '../../catalog/catalog';
import { inScale, levelIds, levelOf, normalizeLevel, Thresholds } from '../levels';
import { labelledValue, lookupId } from '../lookup';
import { Num, Risk, Str } from '../model';

export const LABEL_FIELDS = {
  treatment: 'treatments',
  perspective: 'perspectives',
  owner: 'owners',
  classification: 'classifications',
} as const;

/** Reports `rule` on an ID the catalog does not know, offering the closest IDs as replacements. */
export function unknownId(d: Diagnostics, rule: string, s: Str, candidates: string[]) {
  const fixes = replacementFixes(c => replaceScalar(d.lines, s, c), candidates);
  d.add(rule, s.start, s.end, { value: s.text, hint: d.hint(candidates) }, { fixes });
}

/** Reports `rule` when `s` names no catalog entry of `kind`. */
export function catalogId(d: Diagnostics, s: Str, kind: EntryKind, rule: string) {
  if (lookupId(d.ctx.catalog, s.text, kind)) return;
  unknownId(d, rule, s, d.ctx.catalog.suggest(s.text, kind));
}

/** Whether a written level is one of the matrix's levels. */
export function isLevel(catalog: Catalog, s: Str): boolean {
  return levelIds(catalog).includes(normalizeLevel(s.text));
}

/** The level the matrix gives impact × likelihood, when both are written and in range. */
export function computedLevel(th: Thresholds, impact: Num | undefined, likelihood: Num | undefined) {
  return impact && likelihood && inScale(impact.value) && inScale(likelihood.value)
    ? levelOf(th, impact.value, likelihood.value)
    : undefined;
}

/** The catalog ID of a risk's treatment (`reduce`, `accept`, `not-applicable`…), if it names one. */
export function treatmentOf(catalog: Catalog, r: Risk): string | undefined {
  return r.treatment ? labelledValue(catalog, 'treatments', r.treatment.text)?.id : undefined;
}

/** Where a finding about a whole risk points: its ID, else the start of its mapping. */
export function riskAnchor(r: Risk): { start: number; end: number } {
  return r.id ?? { start: r.obj.node.start, end: r.obj.node.start };
}
