import { Catalog } from './catalog/catalog';
import { Lang } from './i18n/text';
import { Template } from './model/template';
import { LineIndex } from './model/text';
import { DocSymbol, Finding, Fix, Settings } from './model/types';
import type { RiskModel } from './risk/language-model';
import type { ProjectSource } from './project/view';
import type { EngineFailure } from './guard';

/**
 * Why the host did not read a file. `not-found`: nothing there; `outside-workspace`: its real path (symbolic links
 * followed) is outside the folders the host may read; `not-a-regular-file`: a device, FIFO, socket or folder;
 * `too-large`: over the size limit (`size` and `limit` in bytes), checked before reading; `remote-path`: a UNC path,
 * a `file://host/` URL or another URL scheme; `unreadable`: the system refused (`detail` has its code).
 */
export type ReadRefusalReason =
  'not-found' | 'outside-workspace' | 'not-a-regular-file' | 'too-large' | 'remote-path' | 'unreadable';

export interface ReadRefusal {
  refused: ReadRefusalReason;
  size?: number;
  limit?: number;
  detail?: string;
}

export function isRefusal(x: unknown): x is ReadRefusal {
  return typeof x === 'object' && x !== null && typeof (x as ReadRefusal).refused === 'string';
}

/** Everything analysis may consult besides the text itself. Pure data and callbacks: no editor, no network. */
export interface EngineContext {
  catalog: Catalog;
  settings: Settings;
  /**
   * Reads another file (risk files follow `iac:` links, CDK files look for cdk.json): its text, or why the host did
   * not read it. `undefined` means not found (hosts that give no reason).
   */
  readFile?(uri: string): string | ReadRefusal | undefined;
  /** Cached analyses of other documents (open editors, workspace index), keyed by URI. */
  analysisOf?(uri: string): Analysis | undefined;
  /** The project the document belongs to (other stacks); absent when a file is checked alone. */
  project?: ProjectSource;
  /**
   * Told of every failure inside the engine (a defect), with the error as thrown: the faces log its stack. The
   * analysis itself carries an `engine-error` finding for it; hover, completion and the like answer empty.
   */
  onEngineError?(failure: EngineFailure): void;
}

/** The fixes of one finding, titled in the language asked for; computed when a face asks, not on every keystroke. */
export type FixSource = (lang: Lang) => Fix[];

interface AnalysisBase {
  uri: string;
  text: string;
  lines: LineIndex;
  findings: Finding[];
  symbols: DocSymbol[];
  /** Indexed by `Finding.fix`. */
  fixes: FixSource[];
}

/** A file that is none of the formats the engine reads (or could not be told apart from one). */
export interface OtherAnalysis extends AnalysisBase {
  kind: 'none';
}

/** A CloudFormation template or a CDK source file, both read into the same resource model. */
export interface TemplateAnalysis extends AnalysisBase {
  kind: 'cloudformation' | 'cdk';
  /** Absent when the text could not be read as a template (a syntax error at the top level). */
  template?: Template;
}

export interface RiskAnalysis extends AnalysisBase {
  kind: 'risk';
  risk?: RiskModel;
}

export type Analysis = OtherAnalysis | TemplateAnalysis | RiskAnalysis;

/** The fixes of a finding, titled in `lang`. Empty when the rule offers none here. */
export function fixesFor(a: Analysis, f: Finding, lang: Lang): Fix[] {
  return f.fix === undefined ? [] : (a.fixes[f.fix]?.(lang) ?? []);
}

/** The Template model of an analysis (CloudFormation, or CDK-derived), if it has one. */
export function templateOf(a: Analysis | undefined): Template | undefined {
  return a && (a.kind === 'cloudformation' || a.kind === 'cdk') ? a.template : undefined;
}

/** The parsed risk file and its links, for a risk file's analysis. */
export function riskOf(a: Analysis | undefined): RiskModel | undefined {
  return a?.kind === 'risk' ? a.risk : undefined;
}
