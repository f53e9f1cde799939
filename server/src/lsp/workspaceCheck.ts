import { pathToFileURL } from 'url';
import { collectFiles } from '../host/discovery';
import { CommandEnv } from './commandEnv';
import { CheckWorkspaceResult } from './protocol';
import { toPath } from './session';

/** Files whose diagnostics came from the last workspace check (they stay in Problems when their editor closes). */
const checked = new Set<string>();
export function isWorkspaceChecked(uri: string): boolean {
  return checked.has(uri);
}

/** More files than this is not a project but a disk; the check stops there and says so. */
export const MAX_WORKSPACE_FILES = 5000;

/**
 * Analyses every candidate file (YAML, JSON, templates, TypeScript) under the workspace folders, skipping
 * node_modules, .git, cdk.out…, and publishes their diagnostics, so the Problems panel shows the whole workspace.
 * Open documents are analysed from their unsaved text.
 */
export async function checkWorkspace(args: unknown[], env: CommandEnv): Promise<CheckWorkspaceResult> {
  const given = Array.isArray(args[0])
    ? (args[0] as unknown[]).filter((x): x is string => typeof x === 'string' && x.startsWith('file:'))
    : undefined;
  const files: string[] = [];
  if (given) {
    const paths = given.map(toPath).filter((p): p is string => !!p);
    env.allowPaths(paths);
    // An unreadable or missing folder has nothing to check.
    files.push(...collectFiles(paths).files.map(f => pathToFileURL(f).href));
  } else files.push(...(await env.workspaceFiles()));
  const unique = [...new Set(files)];
  checked.clear();
  const result: CheckWorkspaceResult = {
    files: 0,
    findings: 0,
    errors: 0,
    warnings: 0,
    truncated: unique.length > MAX_WORKSPACE_FILES,
  };
  for (const uri of unique.slice(0, MAX_WORKSPACE_FILES)) {
    const analysis = env.session.analysisOf(uri);
    if (!analysis || analysis.kind === 'none') continue;
    const open = analysis.findings.filter(f => !f.suppressed);
    result.files++;
    result.findings += open.length;
    result.errors += open.filter(f => f.severity === 'error').length;
    result.warnings += open.filter(f => f.severity === 'warning').length;
    checked.add(uri);
    env.publish(uri, open);
  }
  return result;
}
