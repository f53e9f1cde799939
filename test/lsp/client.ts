/** A minimal LSP client over stdio (Content-Length framing) that drives the real `dist/server.js`. */
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type * as lsp from 'vscode-languageserver';

export const SERVER = path.resolve(__dirname, '../../../dist/server.js');

type Handler = (params: unknown) => void;

/** A diagnostic as this server publishes it: the message is plain text and the code is the rule ID. */
export type Diagnostic = Omit<lsp.Diagnostic, 'message' | 'code'> & { message: string; code?: string };
/** What this server answers to hover: Markdown. */
export type Hover = { contents: lsp.MarkupContent; range?: lsp.Range };

/** The params of the notifications the tests listen to. */
interface Notifications {
  'textDocument/publishDiagnostics': { uri: string; version?: number; diagnostics: Diagnostic[] };
  'window/logMessage': lsp.LogMessageParams;
  'window/showMessage': lsp.ShowMessageParams;
}

/** A JSON-RPC message as it arrives: a response, a server → client request or a notification. */
interface Message {
  id?: number | null;
  method?: string;
  params?: { items?: unknown[] };
  result?: unknown;
  error?: { message: string; code: number };
}

export class LspClient {
  private readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<string, Handler[]>();
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly stderr: string[] = [];

  constructor(env: Record<string, string> = {}, nodeArgs: string[] = []) {
    this.proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.proc.stdout!.on('data', (d: Buffer) => this.onData(d));
    // Writing to a server that has exited (the broken-frame tests) must not take the test process down.
    this.proc.stdin!.on('error', () => undefined);
    this.proc.stderr!.on('data', (d: Buffer) => this.stderr.push(d.toString()));
    this.on('textDocument/publishDiagnostics', p => this.diagnostics.set(p.uri, p.diagnostics));
  }

  /** Calls `h` with the params of every notification `method`. */
  on<M extends keyof Notifications>(method: M, h: (params: Notifications[M]) => void) {
    this.listeners.set(method, [...(this.listeners.get(method) ?? []), h as Handler]);
  }

  private onData(d: Buffer) {
    this.buffer = Buffer.concat([this.buffer, d]);
    for (;;) {
      const sep = this.buffer.indexOf('\r\n\r\n');
      if (sep < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buffer.slice(0, sep).toString())?.[1]);
      if (this.buffer.length < sep + 4 + len) return;
      const msg = JSON.parse(this.buffer.slice(sep + 4, sep + 4 + len).toString('utf8')) as Message;
      this.buffer = this.buffer.slice(sep + 4 + len);
      this.dispatch(msg);
    }
  }

  private dispatch(msg: Message) {
    if (msg.id === null) {
      // An error about a message the server could not read (JSON-RPC gives it no id).
      if (msg.method === undefined && msg.error) this.unmatched.push(msg.error);
    } else if (msg.id !== undefined && msg.method === undefined) {
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
      else p?.resolve(msg.result);
    } else if (msg.id !== undefined && msg.method) {
      // Server → client request (e.g. workspace/configuration, client/registerCapability): answer plainly.
      this.serverRequests.push(msg.method);
      const result =
        msg.method === 'workspace/configuration' ? (msg.params?.items ?? []).map(() => this.configuration) : null;
      this.write({ jsonrpc: '2.0', id: msg.id, result });
    } else if (msg.method) {
      for (const h of this.listeners.get(msg.method) ?? []) h(msg.params);
    }
  }

  configuration: unknown = {};
  /** Errors the server sent with id null (parse errors, invalid requests), in order. */
  readonly unmatched: { code: number; message: string }[] = [];
  /** Methods of the requests the server sent, in order: a client may only be asked what its capabilities allow. */
  readonly serverRequests: string[] = [];

  private write(msg: unknown) {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  request<T = unknown>(method: string, params: unknown, timeoutMs = 10000): Promise<T> {
    const id = this.nextId++;
    this.write({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} timed out`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: v => {
          clearTimeout(t);
          resolve(v as T);
        },
        reject: e => {
          clearTimeout(t);
          reject(e);
        },
      });
    });
  }

  /** Writes bytes as they are, framing or not (for tests of broken frames). */
  writeRaw(bytes: Buffer | string) {
    this.proc.stdin!.write(bytes);
  }

  /** Resolves with the exit code (or signal) once the server process has exited, or undefined after `timeoutMs`. */
  whenExited(timeoutMs: number): Promise<number | string | undefined> {
    const done = () => this.proc.exitCode ?? this.proc.signalCode ?? undefined;
    if (this.exited) return Promise.resolve(done());
    return new Promise(resolve => {
      const t = setTimeout(() => resolve(undefined), timeoutMs);
      this.proc.once('exit', () => {
        clearTimeout(t);
        resolve(done());
      });
    });
  }

  notify(method: string, params: unknown) {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Sends a request and its cancellation in one write, so the server sees the cancellation before it starts. */
  requestThenCancel<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    const frame = (m: unknown) => {
      const b = Buffer.from(JSON.stringify(m), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
    };
    this.proc.stdin!.write(
      Buffer.concat([
        frame({ jsonrpc: '2.0', id, method, params }),
        frame({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }),
      ]),
    );
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: v => resolve(v as T), reject }));
  }

  async initialize(
    opts: {
      locale?: string;
      settings?: unknown;
      configuration?: boolean;
      dynamicRegistration?: boolean;
      rootUri?: string;
      folders?: string[];
    } = {},
  ) {
    const folders = opts.folders ?? (opts.rootUri ? [opts.rootUri] : []);
    const result = await this.request<lsp.InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: opts.rootUri ?? null,
      locale: opts.locale ?? 'en',
      workspaceFolders: folders.length ? folders.map((uri, i) => ({ uri, name: `folder${i}` })) : null,
      capabilities: {
        workspace: {
          configuration: opts.configuration ?? false,
          didChangeConfiguration: { dynamicRegistration: opts.dynamicRegistration ?? false },
        },
        textDocument: { publishDiagnostics: { relatedInformation: true } },
      },
      initializationOptions: { settings: opts.settings ?? {} },
    });
    this.notify('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1) {
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, text: string, version: number) {
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `until`. */
  waitForDiagnostics(
    uri: string,
    until: (d: Diagnostic[]) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<Diagnostic[]> {
    const current = this.diagnostics.get(uri);
    if (current && until(current)) return Promise.resolve(current);
    return new Promise((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}`)),
        timeoutMs,
      );
      this.on('textDocument/publishDiagnostics', p => {
        if (p.uri === uri && until(p.diagnostics)) {
          clearTimeout(t);
          resolve(p.diagnostics);
        }
      });
    });
  }

  async shutdown() {
    try {
      await this.request('shutdown', null, 2000);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    setTimeout(() => this.proc.kill('SIGKILL'), 500).unref();
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get exited(): boolean {
    return this.proc.exitCode !== null || this.proc.signalCode !== null;
  }
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}
