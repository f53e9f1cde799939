/** Shared test helpers: run the real engine on text, apply fixes, compare. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import * as assert from 'assert';
import {
  analyze,
  Analysis,
  applyEdits,
  defaultSettings,
  EngineContext,
  Finding,
  Fix,
  fixesFor,
  Lang,
  LineIndex,
  RenderedFinding,
  renderFinding,
  Settings,
  TextEdit,
} from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';

export const ROOT = path.resolve(__dirname, '../..');
export const catalog = defaultCatalog();

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

/** A finding as a user sees it in one language: its message rendered and its fixes computed. */
export type TestFinding = RenderedFinding & { fixes?: Fix[] };
/** An analysis whose findings are seen as a user sees them (the engine's findings carry data, not sentences). */
export type Checked = DistributiveOmit<Analysis, 'findings'> & { findings: TestFinding[] };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Renders an analysis's findings and computes their fixes in `lang`, as the faces do. */
export function viewOf(a: Analysis, lang: Lang = 'en'): Checked {
  const findings = a.findings.map(f => {
    const fixes = fixesFor(a, f, lang);
    return { ...renderFinding(f, catalog, lang), ...(fixes.length ? { fixes } : {}) };
  });
  return { ...a, findings } as Checked;
}

/** Analyses `text` as if it were the file `name` (the extension decides the format). */
export function run(
  name: string,
  text: string,
  settings: Partial<Settings> = {},
  files: Record<string, string> = {},
): Checked {
  const ctx = context(settings, files);
  return viewOf(analyze(uriOf(name), text, ctx), ctx.settings.lang);
}

export function open(a: Checked): TestFinding[] {
  return a.findings.filter(f => !f.suppressed);
}

export function rulesOf(a: Checked): string[] {
  return open(a)
    .map(f => f.rule)
    .sort();
}

/** Applies a finding's n-th fix to the analysed text. */
export function applyFix(a: Analysis, f: TestFinding, n = 0): string {
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
