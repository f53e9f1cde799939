/**
 * VS Code client: starts the iryo-guard language server, adds the commands and the status-bar entry. No analysis
 * happens here.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client';
import { registerCommands } from './commands';
import { effectiveLanguage, useLanguage } from './l10n';
import { FindingsStatus } from './status';

let client: LanguageClient | undefined;

/** What `activate` returns: the extension-host tests (test/vscode) read the status bar through it. */
export interface IryoGuardApi {
  statusBarText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<IryoGuardApi> {
  const applyLanguage = () =>
    useLanguage(
      effectiveLanguage(vscode.workspace.getConfiguration('iryoGuard').get('language'), vscode.env.language),
      context.asAbsolutePath('l10n'),
    );
  applyLanguage();
  client = createClient(context);
  const status = new FindingsStatus();
  context.subscriptions.push(
    status,
    ...registerCommands(client),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('iryoGuard.language')) {
        applyLanguage();
        status.update();
      }
    }),
  );
  await client.start();
  return { statusBarText: () => status.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
