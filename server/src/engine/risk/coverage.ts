/** Coverage of the minimum scenario set (別紙2) chosen by `guideline:`. */
import { Catalog } from '../catalog/catalog';
import { ScenarioEntry } from '../catalog/types';
import { labelledValue, lookupId } from './lookup';
import { RiskDocument } from './model';

/**
 * The minimum scenarios for a guideline edition. Every edition in the catalog (METI/MIC 1.1 and 2.0, MHLW 5.2 and
 * 6.0) asks the provider to consider the whole Annex 2 set; undefined for an unknown edition.
 */
export function minimumScenarios(catalog: Catalog, edition: string | undefined): ScenarioEntry[] | undefined {
  if (!edition || !catalog.editions.has(edition.trim())) return undefined;
  return [...catalog.scenarios.values()];
}

/** Canonical IDs of the scenarios some risk cites (a risk marking a scenario not applicable covers it too). */
export function coveredScenarios(catalog: Catalog, doc: RiskDocument): Set<string> {
  const out = new Set<string>();
  for (const r of doc.risks)
    for (const s of r.scenarios) {
      const e = lookupId(catalog, s.text, 'scenario');
      if (e) out.add(e.id);
    }
  return out;
}

/**
 * Canonical IDs of the scenarios every citing risk marks not applicable (対象外): covered, but without treatment.
 */
export function notApplicableScenarios(catalog: Catalog, doc: RiskDocument): Set<string> {
  const na = new Set<string>();
  const treated = new Set<string>();
  for (const r of doc.risks) {
    const t = r.treatment ? labelledValue(catalog, 'treatments', r.treatment.text)?.id : undefined;
    for (const s of r.scenarios) {
      const e = lookupId(catalog, s.text, 'scenario');
      if (e) (t === 'not-applicable' ? na : treated).add(e.id);
    }
  }
  for (const id of treated) na.delete(id);
  return na;
}

export function uncoveredScenarios(catalog: Catalog, doc: RiskDocument): ScenarioEntry[] {
  const all = minimumScenarios(catalog, doc.assessment?.guideline?.text) ?? [];
  const covered = coveredScenarios(catalog, doc);
  return all.filter(s => !covered.has(s.id));
}
