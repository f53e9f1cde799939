/** Shared test helpers: run the real engine on text, read findings and their fixes (fix safety: oracles/). */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  analyze,
  Analysis,
  defaultSettings,
  EngineContext,
  Finding,
  Fix,
  fixesFor,
  Lang,
  RenderedFinding,
  renderFinding,
  Settings,
} from '../server/src/engine';
import { applyEdits } from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';

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
): Checked {
  const ctx = context(settings, files);
  return remember(analyze(uriOf(name), text, ctx), ctx);
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

const contexts = new WeakMap<object, EngineContext>();

/**
 * Records the context an analysis was made in, so that re-checks of an edited text see the same world, and returns
 * the analysis as a user sees it (messages and fixes in the context's language).
 */
export function remember(a: Analysis, ctx: EngineContext): Checked {
  const checked = viewOf(a, ctx.settings.lang);
  contexts.set(checked, ctx);
  return checked;
}

/** The context (settings, other files) of an analysis made by `run` or `remember`ed; the default context otherwise. */
export function contextOf(a: Checked | Analysis): EngineContext {
  return contexts.get(a) ?? context();
}

/**
 * The quick fixes the engine offers for a finding of an analysis. Tests read fixes only through this function; the
 * engine computes them on request (`fixesFor`), which `viewOf` has done already. A finding without a fix gives [].
 */
export function fixesOf(a: Checked | Analysis, f: Finding | TestFinding): Fix[] {
  if ('fixes' in f && f.fixes) return f.fixes;
  return fixesFor(a as Analysis, f as Finding, contextOf(a).settings.lang);
}

/** Applies a finding's n-th fix to the analysed text. */
export function applyFix(a: Checked, f: TestFinding, n = 0): string {
  const fix = fixesOf(a, f)[n];
  if (!fix) throw new Error(`finding ${f.rule} has no fix #${n}`);
  return applyEdits(a.text, fix.edit[a.uri] ?? []);
}

export function open(a: Checked): TestFinding[] {
  return a.findings.filter(f => !f.suppressed);
}

export function rulesOf(a: Checked): string[] {
  return open(a)
    .map(f => f.rule)
    .sort();
}

/** A stable key for comparing finding sets before and after an edit. */
export function findingKey(f: Finding): string {
  return `${f.rule}@${f.resource ?? ''}`;
}

/** Settings under which only the given rules report: for tests about what happens with a known set of findings. */
export function onlyRules(...ids: string[]): Partial<Settings> {
  return { disabledRules: [...catalog.rules.keys()].filter(id => !ids.includes(id)) };
}
