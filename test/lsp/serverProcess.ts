/** The command tests' view of the server: the shared stdio client with command and diagnostics helpers. */
import { LspClient } from './client';

export class ServerProcess {
  readonly client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '20' });
  readonly connection = {
    sendRequest: (method: string, params?: unknown) => this.client.request(method, params ?? null),
    sendNotification: async (method: string, params?: unknown) => this.client.notify(method, params ?? null),
  };

  /** Diagnostics last published, by URI. */
  get published(): Map<string, { code?: string | number; message: string; range: unknown }[]> {
    return this.client.diagnostics;
  }

  async initialize(
    opts: { locale?: string; settings?: Record<string, unknown>; folders?: string[] } = {},
  ): Promise<void> {
    this.client.configuration = opts.settings ?? {};
    await this.client.initialize({
      locale: opts.locale,
      settings: opts.settings ?? {},
      configuration: true,
      folders: opts.folders,
    });
  }

  command<T>(command: string, ...args: unknown[]): Promise<T> {
    return this.client.request('workspace/executeCommand', { command, arguments: args });
  }

  /** Resolves once diagnostics for `uri` have been published and `accept` holds for them. */
  diagnosticsFor(
    uri: string,
    accept: (d: { code?: string | number; message: string }[]) => boolean = () => true,
    timeoutMs = 5000,
  ) {
    return this.client.waitForDiagnostics(uri, accept, timeoutMs);
  }

  stop(): Promise<void> {
    return this.client.shutdown();
  }
}
