/**
 * The fix-safety oracle: what every quick fix must satisfy, checked in one place for every test that applies one
 * (rule fixtures, rule-family tests, risk files, CDK sources, the property tests over samples and fuzzed inputs).
 *
 * Applied alone to the analysed text, fix n of a finding
 *  1. edits only the finding's own file, and leaves the text outside its edit ranges unchanged;
 *  2. keeps the file parseable: no new `syntax-error` finding; JSON that JSON.parse read still reads; CDK TypeScript
 *     that TypeScript's parser accepted is still accepted;
 *  3. removes the finding (one fewer open finding with its rule and resource);
 *  4. adds no other finding (except rules named in `allowNew`, for fixes that insert a skeleton to fill in);
 *  5. writes the document's own line ending: every line break it inserts is the one the file uses (no bare `\n`
 *     in a CRLF file, no `\r` in an LF file);
 *  6. keeps the template deployable where the catalog's delivery facts can tell (./deployability.ts).
 * The fixed text is re-analysed with the context of the original analysis (same settings, same other files: see
 * `contextOf` in ../helpers). A finding's fixes are read only through `fixesOf`.
 */
import * as assert from 'assert';
import * as path from 'path';
import * as ts from 'typescript';
import {
  analyze,
  Analysis,
  applyEdits,
  EngineContext,
  eolOf,
  Fix,
  LineIndex,
  templateOf,
  TextEdit,
} from '../../server/src/engine';
import { deployProblems } from './deployability';
import { Checked, contextOf, findingKey, fixesOf, open, remember, TestFinding } from '../helpers';

export interface FixSafetyOptions {
  /** Rules whose new findings this fix is expected to bring (a skeleton with fields left to fill in). */
  allowNew?: string[];
  /** Re-analyse in this context instead of the original analysis's. */
  context?: EngineContext;
}

export interface SafeFix {
  rule: string;
  title: string;
  /** The fixed text. */
  text: string;
  /** Its analysis. */
  after: Checked;
}

/** Checks fix `n` of finding `f` (see the file comment) and returns the fixed text and its analysis. */
export function assertSafeFix(a: Checked, f: TestFinding, n = 0, options: FixSafetyOptions = {}): SafeFix {
  const fixes = fixesOf(a, f);
  assert.ok(fixes[n], `${path.basename(a.uri)}: ${findingKey(f)} has no fix #${n} (it has ${fixes.length})`);
  return assertFixIsSafe(a, f, fixes[n], options);
}

/** The oracle itself, for a given fix of `f` (the oracle's own tests hand it broken ones). */
export function assertFixIsSafe(a: Checked, f: TestFinding, fix: Fix, options: FixSafetyOptions = {}): SafeFix {
  const what = `${path.basename(a.uri)}: fix "${fix.title}" of ${findingKey(f)}`;
  const shown = (text: string) => (text.length < 4000 ? `:\n${text}` : '');

  assert.deepStrictEqual(Object.keys(fix.edit), [a.uri], `${what} edits another file`);
  const edits = fix.edit[a.uri];
  const text = applyEdits(a.text, edits);
  assertEditsOnlyInside(a.text, text, edits, what);
  assertLineEndings(a.text, edits, what);

  const ctx = options.context ?? contextOf(a);
  const after = remember(analyze(a.uri, text, ctx), ctx);
  for (const [language, errors] of syntaxChecks(a))
    if (!errors(a.text).length)
      assert.deepStrictEqual(errors(text), [], `${what} breaks the ${language} syntax${shown(text)}`);
  if (!a.findings.some(x => x.rule === 'syntax-error'))
    assert.deepStrictEqual(
      after.findings.filter(x => x.rule === 'syntax-error').map(x => x.message),
      [],
      `${what} breaks the syntax${shown(text)}`,
    );

  const [was, is] = [templateOf(a as unknown as Analysis), templateOf(after as unknown as Analysis)];
  if (was && is) {
    const before = new Set(deployProblems(was, ctx.catalog));
    const broken = deployProblems(is, ctx.catalog).filter(p => !before.has(p));
    assert.deepStrictEqual(broken, [], `${what} would not deploy or would stop a delivery${shown(text)}`);
  }

  const count = (xs: TestFinding[], key: string) => xs.filter(x => findingKey(x) === key).length;
  const [before, now] = [open(a), open(after)];
  assert.ok(count(now, findingKey(f)) < count(before, findingKey(f)), `${what} leaves the finding${shown(text)}`);
  const added = now.filter(
    x => count(now, findingKey(x)) > count(before, findingKey(x)) && !(options.allowNew ?? []).includes(x.rule),
  );
  assert.deepStrictEqual(
    [...new Set(added.map(x => `${findingKey(x)}: ${x.message}`))],
    [],
    `${what} adds findings${shown(text)}`,
  );
  return { rule: f.rule, title: fix.title, text, after };
}

/** `assertSafeFix`, for tests that go on to look at the fixed text: returns just that. */
export function applySafeFix(a: Checked, f: TestFinding, n = 0, options: FixSafetyOptions = {}): string {
  return assertSafeFix(a, f, n, options).text;
}

/**
 * Every fix of every open finding of `rule` (default: of every rule but suppression-without-reason, whose fix is the
 * author's reason), each applied alone and checked with `assertSafeFix`.
 */
export function assertSafeFixes(a: Checked, options: FixSafetyOptions & { rule?: string } = {}): SafeFix[] {
  const out: SafeFix[] = [];
  const mine = open(a).filter(f => (options.rule ? f.rule === options.rule : f.rule !== 'suppression-without-reason'));
  for (const f of mine) for (let n = 0; n < fixesOf(a, f).length; n++) out.push(assertSafeFix(a, f, n, options));
  return out;
}

const EOL_NAME: Record<string, string> = { '\n': 'LF', '\r\n': 'CRLF', '\r': 'CR' };

/** Every line break the edits insert is the document's own (that of its first line break). */
export function assertLineEndings(before: string, edits: TextEdit[], what = 'the edits') {
  const eol = eolOf(before);
  for (const e of edits) {
    const other = (e.newText.match(/\r\n|\r|\n/g) ?? []).find(b => b !== eol);
    assert.ok(
      other === undefined,
      `${what} inserts ${EOL_NAME[other!]} into a ${EOL_NAME[eol]} file: ${JSON.stringify(e.newText)}`,
    );
  }
}

/** The original text outside the edited ranges must be unchanged. */
export function assertEditsOnlyInside(before: string, after: string, edits: TextEdit[], what = 'the edits') {
  const idx = new LineIndex(before);
  const spans = edits
    .map(e => ({ s: idx.offset(e.range.start), e: idx.offset(e.range.end), len: e.newText.length }))
    .sort((x, y) => x.s - y.s);
  let delta = 0,
    cursor = 0;
  for (const sp of spans) {
    assert.strictEqual(
      after.slice(cursor + delta, sp.s + delta),
      before.slice(cursor, sp.s),
      `${what}: text before an edit changed`,
    );
    delta += sp.len - (sp.e - sp.s);
    cursor = sp.e;
  }
  assert.strictEqual(after.slice(cursor + delta), before.slice(cursor), `${what}: text after the last edit changed`);
}

/** TypeScript's own parser: the syntax errors in a source text. */
export function typeScriptSyntaxErrors(text: string): string[] {
  const file = ts.createSourceFile('fixed.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return ((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map(d =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

function jsonSyntaxErrors(text: string): string[] {
  try {
    JSON.parse(text);
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

/** Parsers beyond the engine's own that the file's format must keep satisfying. */
function syntaxChecks(a: Checked): [string, (text: string) => string[]][] {
  if (a.kind === 'cdk') return [['TypeScript', typeScriptSyntaxErrors]];
  if (a.uri.endsWith('.json')) return [['JSON', jsonSyntaxErrors]];
  return [];
}
