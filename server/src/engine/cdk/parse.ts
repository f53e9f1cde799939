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
  const raw = (file as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const diagnostics = raw.map(d => ({
    start: d.start,
    end: d.start + d.length,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  return { ts, file, diagnostics };
}

/** Start offset of a node without its leading trivia (comments, whitespace). */
export function startOf(n: TS.Node, file: TS.SourceFile): number {
  return n.getStart(file);
}
