/** Plain data shared by every layer. 0-based LSP positions, UTF-16 offsets (JS string indices). */

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Lang = 'ja' | 'en';
export type DocKind = 'cloudformation' | 'risk' | 'cdk' | 'none';

export interface TextEdit {
  range: Range;
  newText: string;
}
export interface WorkspaceEdit {
  [uri: string]: TextEdit[];
}

export interface Fix {
  title: string;
  edit: WorkspaceEdit;
  /** The fix that resolves the finding properly (not a suppression). */
  isPreferred?: boolean;
}

export interface RelatedInfo {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  uri: string;
  range: Range;
  scenarios: string[];
  guidelines: string[];
  resource?: string;
  related?: RelatedInfo[];
  fixes?: Fix[];
  /** Set when a suppression with a reason silenced this finding (shown by `--show-suppressed`). */
  suppressed?: { reason: string };
}

export interface DocSymbol {
  name: string;
  detail?: string;
  kind: 'resource' | 'parameter' | 'condition' | 'output' | 'flow' | 'risk' | 'control' | 'assessment' | 'section';
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
  /** Guideline edition whose minimum scenario set (別紙2) new assessments cover, e.g. metimic-2.0. */
  guideline?: string;
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
