/**
 * Helpers for the extension-host tests: they run inside VS Code (or code-server) against the real `vscode` API, with
 * iryo-guard loaded from this repository as the extension under development. The oracle for "what the server should
 * show" is the engine itself, run here on the same text with the same settings.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { IryoGuardApi } from '../../client/src/extension';
import { analyze, Settings } from '../../server/src/engine';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { context, open, viewOf } from '../helpers';

export const EXTENSION_ID = 'iryo-guard.iryo-guard';
export const SOURCE = 'iryo-guard';

export function extension(): vscode.Extension<IryoGuardApi> {
  const ext = vscode.extensions.getExtension<IryoGuardApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded: is the repository the extension development path?`);
  return ext;
}

/** The workspace folder the test configuration opened (a fresh copy of test/vscode/workspaces/<label>). */
export function workspaceUri(file: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, file);
}

export async function openFile(file: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(file));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Polls `probe` until `done` holds for its value; on timeout fails with the last value (and the expected one, when
 * given), so a wrong result reads as a diff rather than as a bare timeout.
 */
export async function until<T>(
  what: string,
  probe: () => T | Promise<T>,
  done: (v: T) => boolean,
  { timeoutMs = 30000, expected }: { timeoutMs?: number; expected?: T } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      const want = expected === undefined ? '' : `\nexpected:\n${show(expected)}`;
      assert.fail(`${what}: not there after ${timeoutMs} ms; last seen:\n${show(last)}${want}`);
    }
    await new Promise(r => setTimeout(r, 100));
    last = await probe();
  }
  return last;
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v, null, 1);
}

/** Polls until `probe` returns exactly `expected` (deep equality). */
export function untilEqual<T>(what: string, probe: () => T | Promise<T>, expected: T, timeoutMs?: number): Promise<T> {
  const same = (v: T) => JSON.stringify(v) === JSON.stringify(expected);
  return until(what, probe, same, { timeoutMs, expected });
}

/** One line per diagnostic, sorted: `rule line:col severity message`. */
function lines(diags: { code: string; line: number; character: number; severity: string; message: string }[]) {
  return diags.map(d => `${d.code} ${d.line + 1}:${d.character + 1} ${d.severity} ${d.message}`).sort();
}

const SEVERITY = ['error', 'warning', 'information', 'hint'];

/** iryo-guard's diagnostics on `uri` as VS Code shows them. */
export function shownDiagnostics(uri: vscode.Uri): string[] {
  return lines(
    vscode.languages
      .getDiagnostics(uri)
      .filter(d => d.source === SOURCE)
      .map(d => ({
        code: String(typeof d.code === 'object' ? d.code.value : d.code),
        line: d.range.start.line,
        character: d.range.start.character,
        severity: SEVERITY[d.severity],
        message: d.message,
      })),
  );
}

/** What the engine finds in `doc` under `settings` (other files read from disk), in the same shape. */
export function engineDiagnostics(doc: vscode.TextDocument, settings: Partial<Settings> = {}): string[] {
  const ctx = context(settings);
  const a = viewOf(analyze(doc.uri.toString(), doc.getText(), ctx), ctx.settings.lang);
  return lines(
    open(a)
      .map(f => toDiagnostic(f, ctx.settings.lang))
      .map(d => ({
        code: String(d.code),
        line: d.range.start.line,
        character: d.range.start.character,
        severity: SEVERITY[(d.severity ?? 1) - 1],
        message: typeof d.message === 'string' ? d.message : d.message.value,
      })),
  );
}

/** Changes an `iryoGuard.*` setting in the workspace (the copy's .vscode/settings.json), as a user would. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('iryoGuard').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Labels of the open webview tabs (reports and explanations). */
export function webviewTabs(): string[] {
  return vscode.window.tabGroups.all
    .flatMap(g => g.tabs)
    .filter(t => t.input instanceof vscode.TabInputWebview)
    .map(t => t.label);
}
