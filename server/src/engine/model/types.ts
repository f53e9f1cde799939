/** Plain data shared by every layer. 0-based LSP positions, UTF-16 offsets (JS string indices). */
import type { Args, Text } from '../i18n/text';
import type { Cause } from './evaluate';
import type { GuidelineRef } from '../catalog/types';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type { Lang } from '../i18n/text';
import type { Lang } from '../i18n/text';
export type DocKind = 'cloudformation' | 'risk' | 'cdk' | 'none';

export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  [uri: string]: TextEdit[];
}

/** A quick fix, with its title rendered in the language it was asked for (see `fixesFor`). */
export interface Fix {
  title: string;
  edit: WorkspaceEdit;
  /** The fix that resolves the finding properly (not a suppression). */
  isPreferred?: boolean;
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: Text;
}

/**
 * What a rule found, as data: the rule, where, and the arguments of its catalog message. Faces render the message
 * in the user's language (`renderFinding`), so changing the language never re-runs analysis.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  uri: string;
  range: Range;
  /** Values for the `{placeholders}` of the rule's catalog message. */
  args: Args;
  /** The parameter values and condition branches that lead to this finding, if any (what deploys first). */
  via?: Cause[];
  /** Other parameter values or branches that lead to the same finding at the same place. */
  alsoVia?: Cause[][];
  scenarios: string[];
  /** Guideline items with their edition, the lead edition's first (`Settings.guideline`). */
  guidelines: GuidelineRef[];
  resource?: string;
  related?: RelatedInfo[];
  /** Handle of this finding's fixes in its analysis: ask `fixesFor(analysis, finding, lang)`. */
  fix?: number;
  /** Why there is no fix, when a rule could say (shown in the hover). */
  noFix?: Text;
  /** Set when a suppression with a reason silenced this finding (shown by `--show-suppressed`). */
  suppressed?: { reason: string };
}

export interface DocSymbol {
  name: string;
  detail?: string;
  kind:
    | 'resource'
    | 'parameter'
    | 'condition'
    | 'output'
    | 'threat'
    | 'flow'
    | 'risk'
    | 'control'
    | 'assessment'
    | 'section';
  range: Range;
  selectionRange: Range;
  children?: DocSymbol[];
}

export interface Settings {
  lang: Lang;
  /** auto: only templates that look like account baselines; always / never. */
  accountLevelRules: 'auto' | 'always' | 'never';
  disabledRules: string[];
  severityOverrides: Record<string, Severity>;
  maxFileSizeKB: number;
  /**
   * Report a value that fails only for a parameter value other than the default at the rule's own severity (it is
   * information otherwise: what deploys complies).
   */
  strictParameters?: boolean;
  /**
   * Guideline edition whose minimum scenario set (別紙2) new assessments cover, e.g. metimic-2.0. It also decides which
   * MHLW edition's references lead (`leadEdition`): 5.2 for mhlw-5.2, 6.0 for every other edition and by default.
   */
  guideline?: string;
  /**
   * Today's date (`YYYY-MM-DD`, the user's local calendar day) for checks that compare dates, such as an assessment's
   * next review. The host supplies it; the engine never reads the clock. Without it such checks do not run.
   */
  today?: string;
  /**
   * How long audit logs are kept, in days (`iryoGuard.auditLogRetentionDays`, CLI `--audit-retention-days`). Default
   * 1,827 (5 years): a retention period providers state in their disclosures, not a figure of the guidelines.
   */
  auditLogRetentionDays?: number;
}

/** The default audit-log retention: 5 years (1,827 days, leap days included), a common provider policy. */
export const DEFAULT_AUDIT_RETENTION_DAYS = 1827;

/** The audit-log retention in force: the setting when it is a positive whole number of days, else the default. */
export function auditRetentionDays(settings: Pick<Settings, 'auditLogRetentionDays'>): number {
  const d = settings.auditLogRetentionDays;
  return typeof d === 'number' && Number.isInteger(d) && d > 0 ? d : DEFAULT_AUDIT_RETENTION_DAYS;
}

export const defaultSettings: Settings = {
  lang: 'en',
  accountLevelRules: 'auto',
  disabledRules: [],
  severityOverrides: {},
  maxFileSizeKB: 2048,
};

export interface Hover {
  markdown: string;
  range: Range;
}

export interface CompletionItem {
  label: string;
  kind: 'value' | 'id' | 'property' | 'keyword' | 'snippet' | 'reference';
  detail?: string;
  documentation?: string;
  insertText?: string;
  /** Range replaced on accept; defaults to the word at the cursor. */
  range?: Range;
  sortText?: string;
  filterText?: string;
}

export interface CodeLens {
  range: Range;
  title: string;
  command?: { id: string; args?: unknown[] };
}
export interface Location {
  uri: string;
  range: Range;
}
