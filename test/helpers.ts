/** Shared test helpers: run the real engine on text, read findings and their fixes (fix safety: oracles/). */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  analyze,
  Analysis,
  defaultCatalog,
  defaultSettings,
  EngineContext,
  Finding,
  Fix,
  Settings,
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
  const ctx = context(settings, files);
  return remember(analyze(uriOf(name), text, ctx), ctx);
}

const contexts = new WeakMap<Analysis, EngineContext>();

/** Records the context an analysis was made in, so that re-checks of an edited text see the same world. */
export function remember(a: Analysis, ctx: EngineContext): Analysis {
  contexts.set(a, ctx);
  return a;
}

/** The context (settings, other files) of an analysis made by `run` or `remember`ed; the default context otherwise. */
export function contextOf(a: Analysis): EngineContext {
  return contexts.get(a) ?? context();
}

/**
 * The quick fixes the engine offers for a finding of an analysis. Tests read fixes only through this function, never
 * `finding.fixes`: when the engine's fix API changes (from a property of the finding to an engine call), this is
 * the one line to change. A finding without a fix gives [].
 */
export function fixesOf(_a: Analysis, f: Finding): Fix[] {
  return f.fixes ?? [];
}

export function open(a: Analysis): Finding[] {
  return a.findings.filter(f => !f.suppressed);
}

export function rulesOf(a: Analysis): string[] {
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
