/**
 * Guideline editions side by side: which edition leads when a rule cites several, and what takes over an MHLW 5.2
 * item in 6.0 (the migration aid). IDs alone are ambiguous across editions, so references carry their edition.
 */
import type { Catalog } from './catalog';
import { mhlw6Aliases } from './ids';
import type { GuidelineRef, RuleMeta, Source } from './types';

export const MHLW6 = 'mhlw-6.0';
export const MHLW52 = 'mhlw-5.2';
export type LeadEdition = typeof MHLW6 | typeof MHLW52;

/**
 * The MHLW edition printed first. `iryoGuard.guideline` (CLI `--guideline`, a risk file's `assessment.guideline`)
 * names an edition: MHLW 5.2 makes 5.2 lead; every other edition — MHLW 6.0 and the METI/MIC editions, whose
 * crosswalk points to 6.0 — and no setting at all make 6.0 lead.
 */
export function leadEdition(guideline: string | undefined): LeadEdition {
  return guideline?.trim() === MHLW52 ? MHLW52 : MHLW6;
}

/** References with the lead edition's first, each edition's own order kept. */
export function byLead<T extends GuidelineRef>(refs: readonly T[], lead: string): T[] {
  return [...refs.filter(r => r.edition === lead), ...refs.filter(r => r.edition !== lead)];
}

/** A rule's references as finding data (`{edition, id}`), lead edition first. */
export function ruleRefs(meta: RuleMeta, lead: string): GuidelineRef[] {
  return byLead(
    meta.guidelines.map(g => ({ edition: g.edition, id: g.id })),
    lead,
  );
}

/**
 * How a reference is written in a risk file, where IDs carry no edition: MHLW 6.0 items in the short form auditors
 * write (`シス14②`, `企6⑤`), which the loader resolves; other editions' IDs as they are.
 */
export function writtenId(ref: GuidelineRef): string {
  return ref.edition === MHLW6 ? (mhlw6Aliases(ref.id)[0] ?? ref.id) : ref.id;
}

/** A scenario's MHLW references in the lead edition (6.0 遵守事項 or chapters, or 5.2 items). */
export function scenarioRefs(s: { mhlw: string[]; mhlw6: string[] }, lead: string): GuidelineRef[] {
  return lead === MHLW52 ? s.mhlw.map(id => ({ edition: MHLW52, id })) : s.mhlw6.map(id => ({ edition: MHLW6, id }));
}

/** The edition an ID written without one (a risk file's `guidelines:` entry) belongs to, if the catalog knows it. */
export function refOf(catalog: Catalog, written: string): GuidelineRef | undefined {
  const e = catalog.lookup(written, 'guideline');
  return e?.kind === 'guideline' ? { edition: e.edition.id, id: e.id } : undefined;
}

/** What takes over a 5.2 item in 6.0, and why we say so. */
export interface Counterparts {
  ids: string[];
  verified: boolean;
  /** Recorded on the item (`successors` in mhlw-5.2.yaml). */
  basis?: { ja: string; en: string };
  source?: Source;
  /** Derived through the 別紙2 scenarios that cite the item and their 6.0 references. */
  scenarios?: string[];
}

/**
 * The MHLW 6.0 counterparts of an MHLW 5.2 item: the item's own `successors` where the catalog records them, else
 * the 6.0 references of the 別紙2 scenarios that cite it (verified only if every one of those links is).
 */
export function counterparts(catalog: Catalog, id52: string): Counterparts | undefined {
  const hit = catalog.guidelineItems.get(`${MHLW52}:${id52}`);
  if (!hit) return undefined;
  const s = hit.item.successors;
  if (s) return { ids: s.ids, verified: s.verified, basis: s.basis, source: s.source };
  const via = [...catalog.scenarios.values()].filter(x => x.mhlw.includes(id52) && x.mhlw6.length);
  if (!via.length) return undefined;
  const ids = [...new Set(via.flatMap(x => x.mhlw6))];
  return { ids, verified: via.every(x => x.mhlw6Verified), scenarios: via.map(x => x.id) };
}
