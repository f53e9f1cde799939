/**
 * File discovery: the one policy for which folders are walked and which files are candidates, shared by the CLI
 * (`check <folder>`), the server's workspace index and "check workspace" command, and the cdk.out source index.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Folders never walked into (dependencies, build output, VCS data); folders starting with `.` are skipped too. */
export const SKIP_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  'cdk.out',
  'dist',
  'out',
  '.venv',
  '__pycache__',
]);

/** File names that may hold something to check: YAML, JSON, `.template` and TypeScript (declaration files excepted). */
export const CANDIDATE = /\.(ya?ml|json|template|ts)$/i;

export function isSkippedDir(name: string): boolean {
  return SKIP_DIRS.has(name) || name.startsWith('.');
}

export function isCandidate(name: string): boolean {
  return CANDIDATE.test(name) && !name.toLowerCase().endsWith('.d.ts');
}

export interface WalkOptions {
  /** Which files to yield (by name); candidates by default. */
  include?(name: string): boolean;
  /** Folders below the root to descend at most (unbounded by default). */
  maxDepth?: number;
  /** A folder that cannot be listed: the root itself or one below it. Ignored by default. */
  onUnreadable?(dir: string, error: unknown): void;
}

/**
 * The files under `root`, depth first in name order. Symbolic links are neither followed nor yielded (a link can
 * point anywhere, outside the workspace included); skipped folders are not entered.
 */
export function* walkFiles(root: string, opts: WalkOptions = {}): Generator<string> {
  const include = opts.include ?? isCandidate;
  const maxDepth = opts.maxDepth ?? Infinity;
  function* walk(dir: string, depth: number): Generator<string> {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      opts.onUnreadable?.(dir, e);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!isSkippedDir(e.name) && depth < maxDepth) yield* walk(p, depth + 1);
      } else if (e.isFile() && include(e.name)) yield p;
    }
  }
  yield* walk(root, 0);
}

export interface Collected {
  files: string[];
  /** Inputs that do not exist. */
  missing: string[];
  /** Inputs that exist but are neither a regular file nor a folder (a device, FIFO or socket): never read. */
  special: string[];
}

/**
 * Expands paths named by the user into files: folders are walked with the policy above, files named explicitly are
 * always taken (whatever their name); what does not exist or is not a regular file is reported apart.
 */
export function collectFiles(inputs: string[], opts: WalkOptions = {}): Collected {
  const files: string[] = [];
  const missing: string[] = [];
  const special: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isFile()) files.push(input);
    else if (st.isDirectory()) files.push(...walkFiles(input, opts));
    else special.push(input);
  }
  return { files: [...new Set(files)], missing, special };
}

/**
 * Whether a file reported by a file watcher belongs to what a walk of `roots` finds: a candidate name and no skipped
 * folder between the root and the file.
 */
export function isDiscoverable(file: string, roots: readonly string[]): boolean {
  if (!isCandidate(path.basename(file))) return false;
  for (const root of roots) {
    const rel = path.relative(root, file);
    if (!rel || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) continue;
    const dirs = rel.split(/[\\/]/).slice(0, -1);
    return !dirs.some(isSkippedDir);
  }
  return false;
}
