import * as path from 'path';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

/** Starts the language server (dist/server.js) for templates, CDK files and risk files. */
export function createClient(context: vscode.ExtensionContext): LanguageClient {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ['--nolazy', '--inspect=6019'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'iryo-risk' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'typescript' },
      { scheme: 'untitled', language: 'iryo-risk' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    synchronize: { configurationSection: 'iryoGuard' },
    initializationOptions: { settings: vscode.workspace.getConfiguration('iryoGuard') },
    outputChannelName: 'iryo-guard',
  };
  return new LanguageClient('iryoGuard', 'iryo-guard', serverOptions, clientOptions);
}

/** Runs one of the server's `workspace/executeCommand` commands. */
export function serverCommand<T>(client: LanguageClient, command: string, ...args: unknown[]): Promise<T> {
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T>;
}
