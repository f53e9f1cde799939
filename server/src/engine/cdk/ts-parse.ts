import type * as TS from 'typescript';
import { blankCuts, Cut, MAX_TS_DEPTH } from '../parse/limits';
import { typescript } from './ts-loader';
import { tsDepth } from './ts-depth';

export interface ParsedSource {
  ts: typeof TS;
  /** Parsed from the text with the cut spans blanked (offsets and lines unchanged). */
  file: TS.SourceFile;
  /** Syntax errors the parser recovered from (the tree is still complete). */
  diagnostics: { start: number; end: number; message: string }[];
  /** Spans blanked because their brackets nest deeper than `MAX_TS_DEPTH`: not read, never edited. */
  cuts: Cut[];
  /** How deep the brackets nest (levels). */
  depth: number;
  /**
   * The parser ran out of stack on nesting without brackets (thousands of chained operators): the file is read as
   * empty, and only this is reported.
   */
  unparsable?: boolean;
}

/** Parses TypeScript source without type-checking or resolving anything: one file, syntax only. */
export function parseSource(uri: string, text: string): ParsedSource {
  const ts = typescript();
  const { depth, cuts } = tsDepth(ts, text, MAX_TS_DEPTH);
  let file: TS.SourceFile;
  let unparsable = false;
  try {
    file = ts.createSourceFile(uri, blankCuts(text, cuts, ''), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    unparsable = true;
    file = ts.createSourceFile(uri, text.replace(/[^\r\n]/g, ' '), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  }
  // The parser's own diagnostics are on the source file, outside TypeScript's public typings.
  const found: unknown = Reflect.get(file, 'parseDiagnostics');
  const raw: TS.DiagnosticWithLocation[] = Array.isArray(found) ? found : [];
  const diagnostics = raw.map(d => ({
    start: d.start,
    end: d.start + d.length,
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  }));
  return { ts, file, diagnostics, cuts, depth, ...(unparsable ? { unparsable } : {}) };
}

/** Does an edit touch a span that was not read? Such an edit could overwrite code the analysis never saw. */
export function touchesCut(cuts: readonly Cut[], start: number, end: number): boolean {
  return cuts.some(c => (start < c.end && end > c.start) || (start === end && start > c.start && start < c.end));
}

/**
 * Calls `visit` on `root` and every node below it in source order (parents first), with an explicit stack: a chain of
 * 20,000 `+` or `.x` nests as deep in the tree, with no bracket to limit it.
 */
export function walkTree(ts: typeof TS, root: TS.Node, visit: (n: TS.Node) => void): void {
  const stack: TS.Node[] = [root];
  const children: TS.Node[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    visit(n);
    children.length = 0;
    ts.forEachChild(n, c => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
