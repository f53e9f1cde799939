/** The risk-assessment document (リスクアセスメントシート as text), with source offsets for every value. */
import { Entry, MapNode, SeqNode } from '../model/node';
import { ObjectKind } from './keys';

/** The names of risk files: `*.risk.yaml` / `*.risk.yml`. */
export const RISK_FILE = /\.risk\.ya?ml$/i;

/** A scalar as the author wrote it (`3.10` stays "3.10", not the number 3.1). */
export interface Str {
  text: string;
  start: number;
  end: number;
  quoted: boolean;
}
export interface Num {
  value: number;
  start: number;
  end: number;
}
/** A date as written, with its calendar day (`YYYY-MM-DD`). */
export interface DateValue extends Str {
  iso: string;
}

/** A mapping read against its key table: canonical key → entry, and the keys written with no value. */
export interface Obj {
  kind: ObjectKind;
  node: MapNode;
  fields: Map<string, Entry>;
  empty: Map<string, Entry>;
}

export interface Assessment {
  obj: Obj;
  entry: Entry;
  id?: Str;
  title?: Str;
  guideline?: Str;
  acceptance?: Str;
  date?: DateValue;
  assessor?: Str;
  approver?: Str;
  nextReview?: DateValue;
  iac: Str[];
  matrix?: { node: MapNode; entry: Entry; thresholds: { level: Str; min: Num }[] };
}
/** A threat outside Table 5-1 that the assessment defines (`threats:`), cited by ID from a risk's `threat`. */
export interface LocalThreat {
  obj: Obj;
  id?: Str;
  title?: Str;
  description?: Str;
}
export interface Flow {
  obj: Obj;
  id?: Str;
  description?: Str;
  classification?: Str;
}
export interface Residual {
  obj: Obj;
  entry: Entry;
  description?: Str;
  impact?: Num;
  likelihood?: Num;
  level?: Str;
}
export interface Control {
  obj: Obj;
  id?: Str;
  perspective?: Str;
  owner?: Str;
  measure?: Str;
  services: Str[];
  rules: Str[];
  guidelines: Str[];
  resources: Str[];
}
export interface Risk {
  obj: Obj;
  id?: Str;
  flow?: Str;
  threat?: Str;
  scenarios: Str[];
  description?: Str;
  impact?: Num;
  likelihood?: Num;
  level?: Str;
  actionRequired?: boolean;
  treatment?: Str;
  controls: Control[];
  residual?: Residual;
  justification?: Str;
  acceptedBy?: Str;
}

/** A structural problem found while reading the document, turned into a finding by check.ts. */
export interface Issue {
  rule: string;
  start: number;
  end: number;
  args: Record<string, string | number | undefined>;
  /** Replacement candidates for the range [start, end) (did-you-mean). */
  replacements?: string[];
  /** For `risk-required`: the canonical key and the mapping it is missing from. */
  required?: { key: string; in: MapNode };
}

export interface RiskDocument {
  root?: MapNode;
  /** Whether fixes should write English or Japanese keys (follows the file). */
  keyStyle: 'en' | 'ja';
  assessment?: Assessment;
  threats: LocalThreat[];
  flows: Flow[];
  risks: Risk[];
  risksEntry?: Entry;
  risksNode?: SeqNode;
  issues: Issue[];
  /** Syntax problems: the document could not be read at all. */
  syntaxErrors: boolean;
}
