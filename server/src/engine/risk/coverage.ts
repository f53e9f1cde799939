/** Coverage of the minimum scenario set (別紙2) chosen by `guideline:`. */
import { Catalog } from '../catalog/catalog';
import { ScenarioEntry } from '../catalog/types';
import { Diagnostics } from './diagnostics';
import { lookupId } from './lookup';
import { skeletonEdit } from './fixes';
import { Lang, phrase } from '../i18n/text';
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
  // Skeletons are written in the reader's language, so they are made when a face asks for the fixes.
  const all = (lang: Lang) => skeletonEdit(doc, d.lines, catalog, missing, lang);
  for (const s of missing) {
    const one = (lang: Lang) => {
      const edit = skeletonEdit(doc, d.lines, catalog, [s], lang);
      return edit ? [edit] : undefined;
    };
    const fixes = [d.fix(d.fixTitle('risk-scenario-uncovered', { scenario: s.id }), one)];
    if (missing.length > 1) {
      const title = phrase('addSkeletonsForAll', { count: missing.length });
      fixes.push(d.fix(title, lang => [all(lang)].filter(e => e !== undefined), false));
    }
    d.add('risk-scenario-uncovered', g.start, g.end, { scenario: s.id, title: s.title }, { scenarios: [s.id], fixes });
  }
}
