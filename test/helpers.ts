/** Shared test helpers: run the real engine on text, apply fixes, compare. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as assert from 'assert';
import {
  analyze,
  Analysis,
  applyEdits,
  defaultCatalog,
  defaultSettings,
  EngineContext,
  Finding,
  LineIndex,
  Settings,
  TextEdit,
} from '../server/src/engine';

export const ROOT = path.resolve(__dirname, '../..');
export const catalog = defaultCatalog();

/**
 * Marks a test or suite that runs the bundles in dist/ (the CLI as users run it). `npm run test:fast` builds no bundle
 * and sets IRYO_TEST_NO_BUNDLES=1, so there it is skipped and counted as pending; everywhere else it runs. Call it
 * first thing in `before` (for a whole suite) or in `it`, with mocha's `this`.
 */
export function usesBundles(ctx: Mocha.Context): void {
  if (process.env.IRYO_TEST_NO_BUNDLES === '1') ctx.skip();
}

export function uriOf(name: string): string {
  return pathToFileURL(path.isAbsolute(name) ? name : path.join(ROOT, 'test/fixtures/virtual', name)).href;
}

/** An engine context whose other files come from `files` first, then from disk (for samples that link each other). */
export function context(settings: Partial<Settings> = {}, files: Record<string, string> = {}): EngineContext {
  const read = (uri: string) => {
    if (files[uri] !== undefined) return files[uri];
    try {
      return fs.readFileSync(new URL(uri), 'utf8');
    } catch {
      return undefined;
    }
  };
  const ctx: EngineContext = {
    catalog,
    settings: { ...defaultSettings, ...settings },
    readFile: read,
    analysisOf: uri => {
      const t = read(uri);
      return t !== undefined ? analyze(uri, t, ctx) : undefined;
    },
  };
  return ctx;
}

/** Analyses `text` as if it were the file `name` (the extension decides the format). */
export function run(
  name: string,
  text: string,
  settings: Partial<Settings> = {},
  files: Record<string, string> = {},
): Analysis {
  return analyze(uriOf(name), text, context(settings, files));
}

export function open(a: Analysis): Finding[] {
  return a.findings.filter(f => !f.suppressed);
}

export function rulesOf(a: Analysis): string[] {
  return open(a)
    .map(f => f.rule)
    .sort();
}

/** Applies a finding's n-th fix to the analysed text. */
export function applyFix(a: Analysis, f: Finding, n = 0): string {
  const fix = f.fixes?.[n];
  if (!fix) throw new Error(`finding ${f.rule} has no fix #${n}`);
  return applyEdits(a.text, fix.edit[a.uri] ?? []);
}

/** A stable key for comparing finding sets before and after an edit. */
export function findingKey(f: Finding): string {
  return `${f.rule}@${f.resource ?? ''}`;
}

/** Settings under which only the given rules report: for tests about what happens with a known set of findings. */
export function onlyRules(...ids: string[]): Partial<Settings> {
  return { disabledRules: [...catalog.rules.keys()].filter(id => !ids.includes(id)) };
}

/** The original text outside the edited ranges must be unchanged. */
export function assertEditsOnlyInside(before: string, after: string, edits: TextEdit[]) {
  const idx = new LineIndex(before);
  const spans = edits
    .map(e => ({ s: idx.offset(e.range.start), e: idx.offset(e.range.end), len: e.newText.length }))
    .sort((a, b) => a.s - b.s);
  let delta = 0,
    cursor = 0;
  for (const sp of spans) {
    assert.strictEqual(
      after.slice(cursor + delta, sp.s + delta),
      before.slice(cursor, sp.s),
      'text before an edit changed',
    );
    delta += sp.len - (sp.e - sp.s);
    cursor = sp.e;
  }
  assert.strictEqual(after.slice(cursor + delta), before.slice(cursor), 'text after the last edit changed');
}
