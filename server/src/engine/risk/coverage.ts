/** Coverage of the minimum scenario set (別紙2) chosen by `guideline:`. */
import { Catalog } from '../catalog/catalog';
import { ScenarioEntry } from '../catalog/types';
import { Diagnostics } from './diagnostics';
import { lookupId } from './lookup';
import { skeletonEdit } from './fixes';
import { Lang, phrase } from '../i18n/text';

/** Quick fixes for single scenarios, beside "all of them": a menu of 86 entries helps nobody. */
const SKELETON_FIXES = 8;
import { RiskDocument } from './model';

/**
 * The minimum scenarios for a guideline edition. Every edition in the catalog (METI/MIC 1.1 and 2.0, MHLW 5.2 and
 * 6.0) asks the provider to consider the whole Annex 2 set; undefined for an unknown edition.
 */
export function minimumScenarios(catalog: Catalog, edition: string | undefined): ScenarioEntry[] | undefined {
  if (!edition || !catalog.editions.has(edition.trim())) return undefined;
  return [...catalog.scenarios.values()];
}

/** Canonical IDs of the scenarios some risk cites. */
export function coveredScenarios(catalog: Catalog, doc: RiskDocument): Set<string> {
  const out = new Set<string>();
  for (const r of doc.risks)
    for (const s of r.scenarios) {
      const e = lookupId(catalog, s.text, 'scenario');
      if (e) out.add(e.id);
    }
  return out;
}

export function uncoveredScenarios(catalog: Catalog, doc: RiskDocument): ScenarioEntry[] {
  const all = minimumScenarios(catalog, doc.assessment?.guideline?.text) ?? [];
  const covered = coveredScenarios(catalog, doc);
  return all.filter(s => !covered.has(s.id));
}

export function checkCoverage(d: Diagnostics, doc: RiskDocument): void {
  const g = doc.assessment?.guideline;
  if (!g) return;
  const { catalog } = d.ctx;
  const missing = uncoveredScenarios(catalog, doc);
  if (!missing.length) return;
  // One finding for the whole assessment (not one per scenario stacked on one place); every fix is made when a face
  // asks for it, since skeletons are written in the reader's language.
  const edit = (scenarios: ScenarioEntry[]) => (lang: Lang) => {
    const e = skeletonEdit(doc, d.lines, catalog, scenarios, lang);
    return e ? [e] : undefined;
  };
  const fixes = [];
  if (missing.length > 1) fixes.push(d.fix(phrase('addSkeletonsForAll', { count: missing.length }), edit(missing)));
  for (const s of missing.slice(0, SKELETON_FIXES))
    fixes.push(d.fix(d.fixTitle('risk-scenario-uncovered', { scenario: s.id }), edit([s]), missing.length === 1));
  const list = phrase('scenarioList', { ids: missing.map(s => s.id), first: missing[0].title });
  d.add('risk-scenario-uncovered', g.start, g.end, { scenarios: list }, { scenarios: missing.map(s => s.id), fixes });
}
