/** Which folders a face may read: the project around a path (the CLI), the workspace folders (the server). */
import * as fs from 'fs';
import * as path from 'path';

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree), if any. */
export function projectRoot(dir: string): string | undefined {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    if (fs.existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

/** The folder a named path stands for: itself when a folder, else the folder holding it. */
function folderOf(p: string): string {
  try {
    return fs.statSync(p).isDirectory() ? p : path.dirname(p);
  } catch {
    return path.dirname(p);
  }
}

/**
 * What the CLI may read: the current project (the nearest folder with `.git` above the working directory, else the
 * working directory), and for each path named on the command line the path itself and its project (the nearest
 * folder with `.git` above it, else the folder given or holding the file).
 */
export function cliRoots(named: readonly string[], cwd = process.cwd()): string[] {
  const roots = [projectRoot(cwd) ?? path.resolve(cwd)];
  for (const n of named) {
    const p = path.resolve(cwd, n);
    const folder = folderOf(p);
    roots.push(p, projectRoot(folder) ?? folder);
  }
  return [...new Set(roots)];
}
