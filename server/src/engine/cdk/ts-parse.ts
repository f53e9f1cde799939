import type * as TS from 'typescript';
import { typescript } from './ts-loader';

export interface ParsedSource {
  ts: typeof TS;
  file: TS.SourceFile;
  /** Syntax errors the parser recovered from (the tree is still complete). */
  diagnostics: { start: number; end: number; message: string }[];
}

/** Parses TypeScript source without type-checking or resolving anything: one file, syntax only. */
export function parseSource(uri: string, text: string): ParsedSource {
  const ts = typescript();
  const file = ts.createSourceFile(uri, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  // The parser's own diagnostics are on the source file, outside TypeScript's public typings.
  const found: unknown = Reflect.get(file, 'parseDiagnostics');
  const raw: TS.DiagnosticWithLocation[] = Array.isArray(found) ? found : [];
  const diagnostics = raw.map(d => ({
    start: d.start,
    end: d.start + d.length,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  return { ts, file, diagnostics };
}
