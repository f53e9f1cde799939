import { Catalog } from './catalog/catalog';
import { DocKind, DocSymbol, Finding, Settings } from './model/types';
import { LineIndex } from './model/text';

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
