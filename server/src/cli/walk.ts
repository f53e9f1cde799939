import * as fs from 'fs';
import * as path from 'path';

export const SKIP_DIRS = new Set(['node_modules', '.git', 'cdk.out', 'dist', 'out', '.venv', '__pycache__']);
export const CANDIDATE = /\.(ya?ml|json|template|ts)$/i;

export class UsageError extends Error {}

/**
 * Expands the command-line paths into files. Folders are walked (skipping node_modules, .git, cdk.out… unless
 * named on the command line); files named explicitly are always taken.
 */
export function collectFiles(inputs: string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(input);
    } catch {
      throw new UsageError(`cannot read ${input}: no such file or folder`);
    }
    if (st.isFile()) out.push(input);
    else if (st.isDirectory()) walk(input, out);
  }
  return [...new Set(out)];
}

function walk(dir: string, out: string[]) {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    throw new UsageError(`cannot read folder ${dir}`);
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
    } else if (e.isFile() && CANDIDATE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
}
