/**
 * Package resources: where the running code finds the files it ships with (dist/catalog.json, docs/rules.md,
 * catalog/rules/*.yaml, package.json) and the version. These are the package's own files, trusted and read directly;
 * workspace files go through the guarded reader (host/read.ts) instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Catalog, LineIndex, Location } from '../engine';
import type { CatalogData } from '../engine/catalog/types';

/** Replaced by the bundler (esbuild `define`) with package.json's version; undefined when running compiled sources. */
declare const IRYO_GUARD_VERSION: string | undefined;

let root: string | null | undefined;

/**
 * The folder holding package.json: the extension's folder for the bundles in dist/, the repository for compiled
 * sources in out/ (tests, tools). Found once by walking up from the running code.
 */
export function packageRoot(): string | undefined {
  if (root !== undefined) return root ?? undefined;
  root = null;
  for (let dir = __dirname, i = 0; i < 8; i++, dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'iryo-guard') return (root = dir);
    } catch {
      /* not here */
    }
    if (path.dirname(dir) === dir) break;
  }
  return undefined;
}

let version: string | undefined;

/** The version of iryo-guard (package.json), for SARIF, the server's `serverInfo` and `--version`. */
export function packageVersion(): string {
  if (version) return version;
  if (typeof IRYO_GUARD_VERSION === 'string') return (version = IRYO_GUARD_VERSION);
  const dir = packageRoot();
  try {
    version = (JSON.parse(fs.readFileSync(path.join(dir ?? '', 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    version = '0.0.0';
  }
  return version;
}

let cached: Catalog | undefined;

/**
 * The compiled catalog (`catalog.json`, produced by the build from `catalog/*.yaml`). It sits beside the bundles in
 * `dist/`; compiled sources find it in the package's `dist/`.
 */
export function defaultCatalog(): Catalog {
  if (cached) return cached;
  const dir = packageRoot();
  const candidates = [path.join(__dirname, 'catalog.json')];
  if (dir) candidates.push(path.join(dir, 'dist', 'catalog.json'));
  candidates.push(path.resolve(process.cwd(), 'dist/catalog.json'));
  const file = candidates.find(f => fs.existsSync(f));
  if (!file)
    throw new Error(`iryo-guard: catalog.json not found (looked in ${candidates.join(', ')}); run \`npm run build\``);
  cached = new Catalog(JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogData, {
    ruleLocation: id => ruleLocation(id),
  });
  return cached;
}

/**
 * A rule's documentation: its heading in docs/rules.md when the package has that file, else its entry in
 * catalog/rules/*.yaml. The installed extension ships neither, so there it is undefined.
 */
export function ruleLocation(id: string, dir = packageRoot()): Location | undefined {
  if (!dir) return undefined;
  const find = (file: string, re: RegExp): Location | undefined => {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    const lines = new LineIndex(text);
    for (let l = 0; l < lines.lineCount; l++) {
      if (re.test(lines.lineText(l)))
        return {
          uri: pathToFileURL(file).href,
          range: { start: { line: l, character: 0 }, end: { line: l, character: lines.lineText(l).length } },
        };
    }
    return undefined;
  };
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const doc = find(path.join(dir, 'docs', 'rules.md'), new RegExp(`^#+\\s.*\\b${esc}\\b|<a (id|name)="${esc}"`));
  if (doc) return doc;
  const rules = path.join(dir, 'catalog', 'rules');
  let files: string[];
  try {
    files = fs
      .readdirSync(rules)
      .filter(f => f.endsWith('.yaml'))
      .sort();
  } catch {
    return undefined;
  }
  for (const f of files) {
    const hit = find(path.join(rules, f), new RegExp(`^\\s*-\\s+id:\\s*["']?${esc}["']?\\s*$`));
    if (hit) return hit;
  }
  return undefined;
}
