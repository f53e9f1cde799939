import { TextDocument } from 'vscode-languageserver-textdocument';
import { Finding } from '../engine';
import { Session } from './session';

/** What a server command may use: the analyses, open documents, workspace folders and the diagnostics channel. */
export interface CommandEnv {
  session: Session;
  document(uri: string): TextDocument | undefined;
  /** Workspace folder URIs (file: scheme). */
  workspaceFolders(): Promise<string[]>;
  publish(uri: string, findings: Finding[]): void;
  /** Candidate files of the workspace, from the index (waits for the first walk to finish). */
  workspaceFiles(): Promise<string[]>;
  /** Lets the guarded reader read the files and folders a command was given, as it reads the workspace folders. */
  allowPaths(paths: string[]): void;
}

export type CommandHandler = (args: unknown[], env: CommandEnv) => unknown;

export function stringArg(args: unknown[], i: number): string | undefined {
  const v = args[i];
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
