import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import {
  CheckWorkspaceResult,
  CoverageReportResult,
  DisclosureResult,
  ExplainResult,
  isMessage,
  NewAssessmentResult,
  ServerCommands,
} from '../../server/src/lsp/protocol';
import { serverCommand } from './client';
import { t } from './l10n';
import { SOURCE } from './status';
import { escapeHtml, renderMarkdown, showHtml } from './webview';

/** Characters that end an ID under the cursor (same set the server's hover uses). */
const ID_AT_CURSOR = /[^\s"'`:,[\]{}()#]+/;

export const Commands = {
  checkWorkspace: 'iryoGuard.checkWorkspace',
  openCoverageReport: 'iryoGuard.openCoverageReport',
  openDisclosure: 'iryoGuard.openDisclosure',
  newAssessment: 'iryoGuard.newAssessment',
  explainRule: 'iryoGuard.explainRule',
  showOutput: 'iryoGuard.showOutput',
  showResourceFindings: 'iryoGuard.showResourceFindings',
} as const;

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  const problems = () => vscode.commands.executeCommand('workbench.actions.view.problems');
  return [
    vscode.commands.registerCommand(Commands.checkWorkspace, () => checkWorkspace(client, problems)),
    vscode.commands.registerCommand(Commands.openCoverageReport, (uri?: vscode.Uri) => openCoverageReport(client, uri)),
    vscode.commands.registerCommand(Commands.openDisclosure, (uri?: vscode.Uri) => openDisclosure(client, uri)),
    vscode.commands.registerCommand(Commands.newAssessment, (uri?: vscode.Uri) => newAssessment(client, uri)),
    vscode.commands.registerCommand(Commands.explainRule, (id?: string) =>
      explainRule(client, typeof id === 'string' ? id : undefined),
    ),
    vscode.commands.registerCommand(Commands.showOutput, () => client.outputChannel.show()),
    vscode.commands.registerCommand(Commands.showResourceFindings, problems),
  ];
}

async function checkWorkspace(client: LanguageClient, problems: () => Thenable<unknown>) {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(t('Open a folder to check its templates and risk files.'));
    return;
  }
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('iryo-guard: checking the workspace…') },
    () => serverCommand<CheckWorkspaceResult>(client, ServerCommands.checkWorkspace),
  );
  if (isMessage(r)) {
    void vscode.window.showErrorMessage(r.message);
    return;
  }
  let text = t(
    'iryo-guard checked {0} files: {1} findings ({2} errors, {3} warnings).',
    r.files,
    r.findings,
    r.errors,
    r.warnings,
  );
  if (r.truncated) text += ' ' + t('The workspace has more files than one check covers; the rest were skipped.');
  const show = t('Show Problems');
  if ((await vscode.window.showInformationMessage(text, show)) === show) await problems();
}

function activeUri(given?: vscode.Uri | string): vscode.Uri | undefined {
  // Code lenses pass the document URI as a string; the palette passes nothing.
  if (typeof given === 'string') return vscode.Uri.parse(given);
  return given instanceof vscode.Uri ? given : vscode.window.activeTextEditor?.document.uri;
}

async function openCoverageReport(client: LanguageClient, given?: vscode.Uri) {
  const uri = activeUri(given);
  const r = await serverCommand<CoverageReportResult>(client, ServerCommands.coverageReport, uri?.toString() ?? '');
  if (isMessage(r)) {
    void vscode.window.showInformationMessage(r.message);
    return;
  }
  showHtml(`coverage:${uri}`, r.title, r.html);
}

/**
 * The conformity disclosure draft in an untitled Markdown document named after the risk file (saving suggests
 * `<name>.disclosure.md` beside it; an existing file is never overwritten), with VS Code's Markdown preview beside it.
 */
async function openDisclosure(client: LanguageClient, given?: vscode.Uri) {
  const uri = activeUri(given);
  const r = await serverCommand<DisclosureResult>(client, ServerCommands.disclosure, uri?.toString() ?? '');
  if (isMessage(r)) {
    void vscode.window.showInformationMessage(r.message);
    return;
  }
  const target = uri && uri.scheme === 'file' ? vscode.Uri.joinPath(uri, '..', r.fileName) : undefined;
  const exists =
    !target ||
    (await vscode.workspace.fs.stat(target).then(
      () => true,
      () => false,
    ));
  const doc = exists
    ? await vscode.workspace.openTextDocument({ language: 'markdown', content: r.markdown })
    : await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  if (!exists) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), r.markdown);
    await vscode.workspace.applyEdit(edit);
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
  }
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('markdown.showPreviewToSide', doc.uri);
}

async function newAssessment(client: LanguageClient, given?: vscode.Uri) {
  const uri = activeUri(given);
  const r = await serverCommand<NewAssessmentResult>(client, ServerCommands.newAssessment, uri?.toString() ?? '');
  if (isMessage(r)) {
    void vscode.window.showWarningMessage(r.message);
    return;
  }
  const target = vscode.Uri.parse(r.uri);
  const exists = await vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
  // An untitled document named after the target saves next to the template; an existing file is never overwritten.
  const doc = exists
    ? await vscode.workspace.openTextDocument({ language: 'iryo-risk', content: r.text })
    : await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  if (!exists) {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(doc.uri, new vscode.Position(0, 0), r.text);
    await vscode.workspace.applyEdit(edit);
    if (doc.languageId !== 'iryo-risk') await vscode.languages.setTextDocumentLanguage(doc, 'iryo-risk');
  }
  await vscode.window.showTextDocument(doc, { preview: false });
  /* eslint-disable max-len -- an l10n key must stay one literal (the bundles and the localization test look it up) */
  void vscode.window.showInformationMessage(
    r.scenarios.length
      ? t(
          'Drafted {0} risks, one per minimum scenario the findings touch. Fill in impact, likelihood and the residual risk.',
          r.scenarios.length,
        )
      : t('No open finding touches a minimum scenario; the draft has no risks yet.'),
  );
  /* eslint-enable max-len */
}

/** The rule of the iryo-guard diagnostic under the cursor, else the ID-like word there. */
export function idAtCursor(editor: vscode.TextEditor): string | undefined {
  const pos = editor.selection.active;
  // The most severe finding under the cursor is the one worth explaining first.
  const diag = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter(d => d.source === SOURCE && d.range.contains(pos))
    .sort((a, b) => a.severity - b.severity)[0];
  const code = diag && (typeof diag.code === 'object' ? diag.code.value : diag.code);
  if (code !== undefined && code !== '') return String(code);
  const range = editor.document.getWordRangeAtPosition(pos, ID_AT_CURSOR);
  return range ? editor.document.getText(range) : undefined;
}

async function explainRule(client: LanguageClient, given?: string) {
  const editor = vscode.window.activeTextEditor;
  const id = given ?? (editor && idAtCursor(editor));
  if (!id) {
    void vscode.window.showInformationMessage(
      t('Place the cursor on a finding or on an ID (rule, scenario, guideline item) to explain it.'),
    );
    return;
  }
  const r = await serverCommand<ExplainResult>(client, ServerCommands.explain, id);
  if (isMessage(r)) {
    void vscode.window.showWarningMessage(r.message);
    return;
  }
  const body = await renderMarkdown(r.markdown);
  showHtml(
    'explain',
    `iryo-guard: ${r.id}`,
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(r.id)}</title>` +
      '<style>body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);' +
      'color:var(--vscode-foreground);padding:0 1em}</style>' +
      `</head><body>${body}</body></html>`,
  );
}
