import { Severity } from '../model/types';

export interface Localized {
  ja: string;
  en: string;
}
/**
 * Where an entry comes from. `doc` is a seed number (`000`–`004`, see catalog/README.md), `web` for a public page,
 * or the name of a published document; `page` is that document's page (the PDF page, as in `url`), `printedPage` the
 * folio printed on it.
 */
export interface Source {
  doc: string;
  section: string;
  page?: number;
  printedPage?: number;
  url?: string;
}

export interface ScenarioEntry {
  id: string;
  category: 'organizational' | 'physical' | 'technical';
  title: Localized;
  mhlw: string[];
  /** MHLW 6.0 遵守事項 (or chapters) the scenario relates to. */
  mhlw6: string[];
  /** True when a published crosswalk or the 6.0 text itself supports `mhlw6`. */
  mhlw6Verified: boolean;
  threats: string[];
  services: string[];
  perspective: 'organizational' | 'physical' | 'technical';
  source: Source;
  verified: boolean;
}
export interface ThreatEntry {
  id: string;
  label: Localized;
  aliases: string[];
  summary: Localized;
  source: Source;
}
export interface ServiceEntry {
  id: string;
  name: string;
  aliases: string[];
  summary: Localized;
  resourceTypes: string[];
  scenarios: string[];
  source: Source;
}
export interface GuidelineEdition {
  id: string;
  publisher: string;
  version: string;
  published: string;
  title: Localized;
  verified: boolean;
  source: Source;
  /** What is and is not known about the edition's content (for example an unverified scenario set). */
  note?: Localized;
}
export interface GuidelineItem {
  id: string;
  aliases?: string[];
  kind: 'minimum' | 'recommended' | 'chapter' | 'reference';
  /** The part (編) of an edition split into parts (MHLW 6.0: 経営管理編, 企画管理編, システム運用編). */
  part?: string;
  chapter: string;
  /** The chapter heading as published. */
  chapterTitle?: Localized;
  /** A short topic label in our own words. */
  title: Localized;
  /** What the item asks for, in our own words. */
  summary?: Localized;
  verified: boolean;
  source: Source;
  /** What is and is not known about the item. */
  note?: Localized;
  /** MHLW 5.2 only: the 6.0 items that take this one over (the migration aid), and on what basis. */
  successors?: Successors;
}
/**
 * The MHLW 6.0 items that take over a 5.2 item; `verified` only where MHLW's transition table or the 6.0 text says so.
 */
export interface Successors {
  ids: string[];
  verified: boolean;
  basis: Localized;
  source?: Source;
}
export interface GuidelineFile {
  edition: GuidelineEdition;
  items: GuidelineItem[];
}
export interface Labelled {
  id: string;
  label: Localized;
  aliases?: string[];
  summary?: Localized;
}
export interface RiskModel {
  /** `note` says what the thresholds rest on: they are the catalog's default, not figures printed in 表5-2. */
  matrix: { formula: 'product'; thresholds: { level: string; min: number }[]; verified?: boolean; note?: Localized };
  levels: { id: string; title: Localized; summary?: Localized }[];
  impact: { value: number; title: Localized; verified?: boolean }[];
  likelihood: { value: number; title: Localized; verified?: boolean }[];
  treatments: Labelled[];
  perspectives: Labelled[];
  owners: Labelled[];
  classifications: (Labelled & { personal?: boolean })[];
  source?: Source;
}
export interface RuleMeta {
  id: string;
  severity: Severity;
  family: string;
  title: Localized;
  /** `{resource}`, `{value}`, `{property}`… are filled by the rule. */
  message: Localized;
  explanation: Localized;
  scenarios: string[];
  /** Guideline items by edition: MHLW 6.0 遵守事項 first (with reasons), MHLW 5.2 items as secondary references. */
  guidelines: RuleGuidelineRef[];
  services: string[];
  /** Resource types the rule is about (a control claiming it needs one of them in the linked templates). */
  appliesTo?: string[];
  /** The least sensitive data the rule is about: it is silent where `Metadata: {iryo-guard: {data}}` says less. */
  dataClass?: DataClass;
  accountLevel?: boolean;
  fix?: { title: Localized };
  source?: Source;
}

/** A guideline item qualified by its edition (`{edition: 'mhlw-6.0', id: 'システム運用編 14 ②'}`): IDs alone are ambiguous. */
export interface GuidelineRef {
  edition: string;
  id: string;
}
/** A rule's reference: the item, and (for MHLW 6.0) why the rule serves it. */
export interface RuleGuidelineRef extends GuidelineRef {
  reason?: string;
}

/** The raw catalog as compiled from `catalog/*.yaml` into `dist/catalog.json`. */
/** How sensitive the data a resource holds is, as the template marks it (`Metadata: {iryo-guard: {data: …}}`). */
export type DataClass = 'none' | 'personal' | 'patient';

export interface CatalogData {
  scenarios: ScenarioEntry[];
  threats: ThreatEntry[];
  services: ServiceEntry[];
  guidelines: GuidelineFile[];
  riskModel: RiskModel;
  rules: RuleMeta[];
  /**
   * Which AWS services deliver into which resources, and what the receiving resource must allow (aws/delivery.yaml).
   */
  deliveries?: Delivery[];
  /** What AWS does when a template leaves a property out, and since when (aws/defaults.yaml). */
  awsDefaults?: AwsDefault[];
  /** What a setting on a resource requires or rules out (Object Lock needs versioning; not on access-log targets). */
  resourceRules?: ResourceRule[];
}

export interface ResourceRule {
  id: string;
  resourceType: string;
  when: Record<string, unknown>;
  requires: { settings?: Record<string, unknown>; notTargetOf?: string[] };
  text: Localized;
  sources: { title: string; url: string }[];
  verified: boolean;
}

export interface AwsDefault {
  id: string;
  service: string;
  resourceType: string;
  property: string;
  whenAbsent: string;
  /** The date AWS changed it (YYYY-MM-DD or YYYY-MM). */
  since: string;
  statement: Localized;
  sources: { title: string; url: string }[];
  verified: boolean;
}

/** How a resource can be encrypted, as far as a delivery into it is concerned. */
export type EncryptionMode = 'none' | 'sse-s3' | 'sse-sqs' | 'aws-managed-kms' | 'customer-kms-with-policy';

/**
 * An AWS service writing or publishing into a resource of `targetType` (an alarm into a topic, ELB logs into a bucket).
 */
export interface Delivery {
  id: string;
  service: string;
  principal: { kind: string; name: string };
  targetType: string;
  /** The properties of `source` resources that name the target; `[]` any list item, `[key]` a Key/Value entry. */
  relations: { source: string; path: string }[];
  encryption?: { mode: EncryptionMode; works: boolean; verified?: boolean }[];
  keyPolicy?: { principal: string; actions: string[] }[];
  sources: { title: string; url: string }[];
  verified: boolean;
}

export type EntryKind = 'scenario' | 'threat' | 'service' | 'guideline' | 'rule' | 'edition';
export type CatalogEntry =
  | { kind: 'scenario'; id: string; entry: ScenarioEntry }
  | { kind: 'threat'; id: string; entry: ThreatEntry }
  | { kind: 'service'; id: string; entry: ServiceEntry }
  | { kind: 'guideline'; id: string; entry: GuidelineItem; edition: GuidelineEdition }
  | { kind: 'edition'; id: string; entry: GuidelineEdition }
  | { kind: 'rule'; id: string; entry: RuleMeta };
