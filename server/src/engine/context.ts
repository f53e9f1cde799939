import { Catalog } from './catalog/catalog';
import { DocKind, DocSymbol, Finding, Settings } from './model/types';
import { LineIndex } from './model/text';

/** Everything analysis may consult besides the text itself. Pure data and callbacks: no editor, no network. */
export interface EngineContext {
  catalog: Catalog;
  settings: Settings;
  /** Reads another file (risk files follow `iac:` links). Returns undefined when it does not exist. */
  readFile?(uri: string): string | undefined;
  /** Cached analyses of other documents (open editors, workspace index), keyed by URI. */
  analysisOf?(uri: string): Analysis | undefined;
}

export interface Analysis {
  uri: string;
  kind: DocKind;
  text: string;
  lines: LineIndex;
  findings: Finding[];
  symbols: DocSymbol[];
  /** The format-specific model (Template, RiskDocument, CdkModule…) for editor features. */
  model?: unknown;
}
