import {
  CatalogData,
  CatalogEntry,
  EntryKind,
  GuidelineEdition,
  GuidelineItem,
  Labelled,
  RuleMeta,
  ScenarioEntry,
  ServiceEntry,
  ThreatEntry,
} from './types';
import { closest, lookupKey, mhlw6Aliases, scenarioAliases } from './ids';
import { Location } from '../model/types';

/** Where the host found the catalog's documentation; the engine reads no files itself. */
export interface CatalogDocs {
  /** A rule's documentation (docs/rules.md or its catalog entry), if the package has it. */
  ruleLocation?(id: string): Location | undefined;
}

/** The catalog indexed for look-ups by ID and alias, built once per process. */
export class Catalog {
  readonly scenarios = new Map<string, ScenarioEntry>();
  readonly threats = new Map<string, ThreatEntry>();
  readonly services = new Map<string, ServiceEntry>();
  readonly guidelineItems = new Map<string, { item: GuidelineItem; edition: GuidelineEdition }>();
  readonly editions = new Map<string, GuidelineEdition>();
  readonly rules = new Map<string, RuleMeta>();
  /** Services by CloudFormation resource type. */
  readonly serviceByType = new Map<string, ServiceEntry>();
  private readonly index = new Map<string, CatalogEntry[]>();

  constructor(
    readonly data: CatalogData,
    readonly docs: CatalogDocs = {},
  ) {
    for (const s of data.scenarios) {
      this.scenarios.set(s.id, s);
      this.add([s.id, ...scenarioAliases(s.id)], { kind: 'scenario', id: s.id, entry: s });
    }
    for (const t of data.threats) {
      this.threats.set(t.id, t);
      this.add([t.id, t.label.ja, t.label.en, ...t.aliases], { kind: 'threat', id: t.id, entry: t });
    }
    for (const s of data.services) {
      this.services.set(s.id, s);
      for (const rt of s.resourceTypes) if (!this.serviceByType.has(rt)) this.serviceByType.set(rt, s);
      this.add([s.id, s.name, ...s.aliases], { kind: 'service', id: s.id, entry: s });
    }
    for (const g of data.guidelines) {
      this.editions.set(g.edition.id, g.edition);
      this.add([g.edition.id], { kind: 'edition', id: g.edition.id, entry: g.edition });
      for (const item of g.items) {
        const key = `${g.edition.id}:${item.id}`;
        this.guidelineItems.set(key, { item, edition: g.edition });
        if (!this.guidelineItems.has(item.id)) this.guidelineItems.set(item.id, { item, edition: g.edition });
        const derived = g.edition.id === 'mhlw-6.0' ? mhlw6Aliases(item.id) : [];
        this.add([item.id, key, ...(item.aliases ?? []), ...derived], {
          kind: 'guideline',
          id: item.id,
          entry: item,
          edition: g.edition,
        });
      }
    }
    for (const r of data.rules) {
      this.rules.set(r.id, r);
      this.add([r.id], { kind: 'rule', id: r.id, entry: r });
    }
  }

  private add(names: string[], e: CatalogEntry): void {
    for (const n of new Set(names.map(lookupKey))) {
      const list = this.index.get(n) ?? [];
      if (!list.some(x => x.kind === e.kind && x.id === e.id)) list.push(e);
      this.index.set(n, list);
    }
  }

  /** Every entry an ID or alias names (an ID may be both a scenario and nothing else; kinds rarely collide). */
  lookupAll(id: string): CatalogEntry[] {
    return this.index.get(lookupKey(id)) ?? [];
  }

  lookup(id: string, kind?: EntryKind): CatalogEntry | undefined {
    const all = this.lookupAll(id);
    return kind ? all.find(e => e.kind === kind) : all[0];
  }

  /** "Did you mean" candidates (canonical IDs) for an unknown ID, optionally of one kind. */
  suggest(id: string, kind?: EntryKind, limit = 3): string[] {
    const names: string[] = [];
    for (const [key, entries] of this.index) {
      if (entries.some(e => !kind || e.kind === kind)) names.push(key);
    }
    const keys = closest(id, names, limit * 3);
    const out: string[] = [];
    for (const k of keys)
      for (const e of this.index.get(k) ?? []) if ((!kind || e.kind === kind) && !out.includes(e.id)) out.push(e.id);
    return out.slice(0, limit);
  }

  /** Level for impact × likelihood under a matrix (the catalog's unless given). */
  levelFor(impact: number, likelihood: number, thresholds = this.data.riskModel.matrix.thresholds): string | undefined {
    const score = impact * likelihood;
    return thresholds.find(t => score >= t.min)?.level;
  }

  labelled(kind: 'treatments' | 'perspectives' | 'owners' | 'classifications', raw: string): Labelled | undefined {
    const k = lookupKey(raw);
    return this.data.riskModel[kind].find(x =>
      [x.id, x.label.ja, x.label.en, ...(x.aliases ?? [])].some(n => lookupKey(n) === k),
    );
  }
}
