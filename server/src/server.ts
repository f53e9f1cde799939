/** Language server: connection wiring only. All analysis happens in the engine; see lsp/ for conversions. */
import * as path from 'path';
import { format } from 'util';
import * as lsp from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeLensesFor, completionsAt, definitionAt, Finding, hoverAt, referencesAt, RISK_FILE, t } from './engine';
import { FileAccess } from './host/read';
import { defaultCatalog, packageVersion } from './host/resources';
import { projectRoot } from './host/roots';
import { codeActions } from './lsp/codeActions';
import { DEFAULT_STALL_MS, StrictStreamReader } from './lsp/framing';
import { CommandEnv } from './lsp/commandEnv';
import { SERVER_COMMANDS } from './lsp/commands';
import { isWorkspaceChecked } from './lsp/workspaceCheck';
import { toCodeLens, toCompletion, toDiagnostic, toSymbol } from './lsp/convert';
import { Session, toPath } from './lsp/session';
import { WorkspaceIndex } from './lsp/workspace';
import { RawSettings, settingsProblems, toSettings } from './lsp/settings';

let shutdownReceived = false;
const connection = createConnection();

/**
 * Over stdio the frames are read strictly (lsp/framing.ts): a frame that cannot be parsed is answered with a JSON-RPC
 * error, and a stream whose framing is lost ends the process (exit code 1) instead of leaving it alive but deaf.
 * Other transports (VS Code's node IPC, sockets) carry whole messages and keep the library's defaults.
 */
function createConnection(): lsp.Connection {
  if (!process.argv.includes('--stdio')) return lsp.createConnection(lsp.ProposedFeatures.all);
  const writer = new lsp.StreamMessageWriter(process.stdout);
  const log = (message: string) =>
    writer.write({
      jsonrpc: '2.0',
      method: 'window/logMessage',
      params: { type: lsp.MessageType.Error, message },
    } as lsp.NotificationMessage);
  const stallMs = Number(process.env.IRYO_GUARD_FRAME_TIMEOUT_MS) || DEFAULT_STALL_MS;
  const reader = new StrictStreamReader(
    process.stdin,
    {
      reply: error => {
        void log(`iryo-guard: answered an unreadable message with error ${error.code}: ${error.message}`);
        void writer.write({ jsonrpc: '2.0', id: null, error } as lsp.ResponseMessage);
      },
      fatal: detail => {
        const message =
          `iryo-guard: the client's messages can no longer be read (${detail}); ` +
          'exiting so that it can restart the server';
        process.stderr.write(message + '\n');
        // Exit once the log message is written (or after a second, if the client no longer reads).
        setTimeout(() => process.exit(1), 1000);
        void log(message).finally(() => process.exit(1));
      },
    },
    stallMs,
  );
  const c = lsp.createConnection(lsp.ProposedFeatures.all, reader, writer);
  // As the library does for stdio: the end of input ends the server, and nothing but the protocol goes to stdout.
  const ended = () => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  for (const level of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const)
    console[level] = (...args: unknown[]) =>
      c.console[level === 'trace' || level === 'debug' ? 'log' : level](format(...args));
  return c;
}
const documents = new lsp.TextDocuments(TextDocument);
let locale: string | undefined;
let canPullConfig = false;
let canRegisterConfigChange = false;
let canAskFolders = false;
let initialFolders: string[] = [];
let session: Session;
let folders: string[] = [];
/** Files and folders a client's command named (check workspace on folders, new assessment for a file): readable. */
const commandPaths = new Set<string>();
const projectOfDir = new Map<string, string>();

/**
 * Where the server may read: the workspace folders. Without any (a single file opened), the project around each
 * open document: the nearest folder with `.git` above it, else its folder.
 */
function readRoots(): string[] {
  if (folders.length) return [...folders, ...commandPaths];
  const out = new Set(commandPaths);
  for (const d of documents.all()) {
    const file = toPath(d.uri);
    if (!file) continue;
    const dir = path.dirname(file);
    if (!projectOfDir.has(dir)) projectOfDir.set(dir, projectRoot(dir) ?? dir);
    out.add(projectOfDir.get(dir)!);
  }
  return [...out];
}
const files = new FileAccess({ roots: readRoots, maxBytes: () => session.settings.maxFileSizeKB * 1024 });
const index = new WorkspaceIndex({
  isOpen: uri => !!documents.get(uri),
  analysisOf: uri => session.analysisOf(uri),
  publish: (uri, a) => void connection.sendDiagnostics({ uri, diagnostics: diagnosticsOf(a.findings) }),
  indexTemplate: uri => guard(`indexing ${uri}`, undefined, () => session.indexTemplate(uri)),
  unindex: uri => session.project.delete(uri),
  projectIndexed: () => {
    session.projectComplete = folders.length > 0;
    // Open documents were checked before the other stacks were known; now check them with the whole project.
    for (const d of documents.all()) {
      session.forget(d.uri);
      schedule(d.uri, 0);
    }
  },
});
// Short enough to stay inside the latency budget, long enough to coalesce a burst of keystrokes into one analysis.
const DEBOUNCE_MS = Number(process.env.IRYO_GUARD_DEBOUNCE_MS ?? 25);

/** Runs a handler so that a failure is logged and answered with a fallback, never taking the server down. */
function guard<T>(what: string, fallback: T, f: () => T): T {
  try {
    return f();
  } catch (e) {
    connection.console.error(`iryo-guard: ${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return fallback;
  }
}

connection.onInitialize(params => {
  locale = params.locale;
  canPullConfig = !!params.capabilities.workspace?.configuration;
  canRegisterConfigChange = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  canAskFolders = !!params.capabilities.workspace?.workspaceFolders;
  initialFolders = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const init = (params.initializationOptions ?? {}) as { settings?: RawSettings };
  session = new Session(
    defaultCatalog(),
    toSettings(init.settings, locale),
    uri => documents.get(uri),
    files,
    line => connection.console.error(line),
  );
  initialSettings = init.settings;
  const roots = params.workspaceFolders?.map(f => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  folders = roots.map(toPath).filter((p): p is string => !!p);
  return {
    capabilities: {
      textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '.', ':', ' ', '[', ','] },
      codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix, lsp.CodeActionKind.SourceFixAll] },
      codeLensProvider: { resolveProvider: false },
      documentSymbolProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      executeCommandProvider: { commands: [...SERVER_COMMANDS.keys()] },
      // Folders added later are workspace too: indexed, and readable by the guarded reader.
      ...(canAskFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'iryo-guard', version: packageVersion() },
  };
});

connection.onInitialized(async () => {
  void index.index(folders).catch(e => connection.console.error(`iryo-guard: indexing failed: ${e}`));
  if (canAskFolders)
    connection.workspace.onDidChangeWorkspaceFolders(e => guard('folder change', undefined, () => foldersChanged(e)));
  if (!canPullConfig && initialSettings) applySettings(initialSettings);
  if (canPullConfig) {
    await refreshSettings();
    // Only clients that declare dynamic registration are asked (others send didChangeConfiguration unasked, or never).
    if (canRegisterConfigChange)
      void connection.client.register(lsp.DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  }
});

connection.onDidChangeWatchedFiles(p =>
  guard('file change', undefined, () => {
    index.filesChanged(p.changes as { uri: string; type: 1 | 2 | 3 }[]);
    for (const c of p.changes) {
      if (documents.get(c.uri)) continue;
      for (const dep of session.invalidate(c.uri)) recheck(dep);
      if (!RISK_FILE.test(c.uri)) continue;
      if (c.type === 3) void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      else index.refresh(c.uri);
    }
  }),
);

/** Workspace folders added or removed: the index and what may be read follow; everything is checked again. */
function foldersChanged(e: lsp.WorkspaceFoldersChangeEvent) {
  const paths = (list: lsp.WorkspaceFolder[]) => list.map(f => toPath(f.uri)).filter((p): p is string => !!p);
  const removed = paths(e.removed);
  const added = paths(e.added).filter(p => !folders.includes(p));
  folders = [...folders.filter(f => !removed.includes(f)), ...added];
  if (!folders.length) session.projectComplete = false;
  for (const uri of index.removeFolders(removed)) {
    if (!documents.get(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    session.project.delete(uri);
  }
  session.reset(session.settings);
  for (const d of documents.all()) schedule(d.uri, 0);
  for (const r of index.riskFiles()) index.refresh(r);
  void index.index(added).catch(err => connection.console.error(`iryo-guard: indexing failed: ${err}`));
}

async function refreshSettings() {
  const raw = canPullConfig
    ? ((await connection.workspace.getConfiguration('iryoGuard').catch(() => undefined)) as RawSettings | undefined)
    : undefined;
  applySettings(raw);
  for (const r of index.riskFiles()) index.refresh(r);
}

connection.onDidChangeConfiguration(change => {
  if (canPullConfig) {
    void refreshSettings();
    return;
  }
  applySettings((change.settings as { iryoGuard?: RawSettings } | undefined)?.iryoGuard);
});

/** Settings that are not understood are ignored, and the user is told once (not on every refresh) what and why. */
let shownSettingsProblems = '';
let initialSettings: RawSettings | undefined;
function applySettings(raw: RawSettings | undefined) {
  const settings = toSettings(raw, locale);
  // A new language alone re-renders what was analysed; any other change analyses again.
  session.update(settings);
  for (const d of documents.all()) schedule(d.uri, 0);
  for (const r of index.riskFiles()) index.refresh(r);
  const problems = guard('settings check', [] as string[], () => settingsProblems(raw, session.catalog, settings.lang));
  const key = problems.join('\n');
  if (key === shownSettingsProblems) return;
  shownSettingsProblems = key;
  if (!problems.length) return;
  for (const p of problems) connection.console.warn(`iryo-guard: ${p}`);
  const more = problems.length > 1 ? t('settingProblemsMore', settings.lang, { count: problems.length - 1 }) : '';
  // A notification, not a request: every client shows it, and nothing waits for an answer.
  void connection.sendNotification(lsp.ShowMessageNotification.type, {
    type: lsp.MessageType.Warning,
    message: `iryo-guard: ${problems[0]}${more}`,
  });
}

/** Debounced, coalesced per document: only the latest version is analysed. */
const timers = new Map<string, NodeJS.Timeout>();
/**
 * Documents scheduled only because a file they depend on changed. Their own text did not change, so checking them
 * must not in turn re-check what depends on them: two stacks referring to each other would re-check each other forever.
 */
const quiet = new Set<string>();

function schedule(uri: string, delay = DEBOUNCE_MS, cascade = true) {
  if (cascade) quiet.delete(uri);
  else if (!timers.has(uri)) quiet.add(uri);
  clearTimeout(timers.get(uri));
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      publish(uri, !quiet.delete(uri));
    }, delay),
  );
}

function publish(uri: string, cascade = true) {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  guard(`analysis of ${uri}`, undefined, () => {
    const a = session.analyzeDocument(doc);
    void connection.sendDiagnostics({
      uri,
      version,
      diagnostics: diagnosticsOf(a.findings),
    });
  });
  if (cascade) for (const dep of session.invalidate(uri)) recheck(dep);
}

/** Open findings as LSP diagnostics, in the current language. */
function diagnosticsOf(findings: readonly Finding[]): lsp.Diagnostic[] {
  return session.render(findings.filter(f => !f.suppressed)).map(f => toDiagnostic(f, session.settings.lang));
}

/** A file this one depends on changed: open documents are re-published, closed ones re-analysed from disk. */
function recheck(uri: string) {
  if (documents.get(uri)) schedule(uri, 0, false);
  else index.refresh(uri);
}

documents.onDidOpen(e => schedule(e.document.uri, 0));
documents.onDidChangeContent(e => schedule(e.document.uri));
documents.onDidClose(e => {
  clearTimeout(timers.get(e.document.uri));
  session.forget(e.document.uri);
  // A closed file keeps its diagnostics (now from disk) when the index or a workspace check covers it; others are
  // cleared.
  const keep =
    (RISK_FILE.test(e.document.uri) && index.files.has(e.document.uri)) || isWorkspaceChecked(e.document.uri);
  if (keep) index.refresh(e.document.uri);
  else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // The project now knows the file as it is on disk (or not at all, when it is outside the workspace).
  if (index.files.has(e.document.uri) && !RISK_FILE.test(e.document.uri))
    guard(`indexing ${e.document.uri}`, undefined, () => session.indexTemplate(e.document.uri));
  else session.project.delete(e.document.uri);
  for (const dep of session.invalidate(e.document.uri)) recheck(dep);
});

/** Runs a request against the current analysis of a document; cancelled requests are answered as cancelled. */
function withAnalysis<T>(
  uri: string,
  token: lsp.CancellationToken,
  fallback: T,
  f: (a: NonNullable<ReturnType<Session['cached']>>, doc: TextDocument) => T,
): T | lsp.ResponseError<void> {
  if (token.isCancellationRequested) return new lsp.ResponseError(lsp.LSPErrorCodes.RequestCancelled, 'cancelled');
  const doc = documents.get(uri);
  if (!doc) return fallback;
  return guard(`request on ${uri}`, fallback, () => f(session.analyzeDocument(doc), doc));
}

connection.onHover((p, token) =>
  withAnalysis(p.textDocument?.uri, token, null, (a, doc) => {
    const h = hoverAt(a, doc.offsetAt(p.position), session.context(a.uri));
    return h ? { contents: { kind: 'markdown', value: h.markdown }, range: h.range } : null;
  }),
);

connection.onCompletion((p, token) =>
  withAnalysis(p.textDocument?.uri, token, [], (a, doc) =>
    completionsAt(a, doc.offsetAt(p.position), session.context(a.uri)).map(toCompletion),
  ),
);

connection.onCodeAction((p, token) =>
  withAnalysis(p.textDocument?.uri, token, [], a =>
    codeActions(a, p.range, p.context.only, session.settings.lang, session.catalog, session.context(a.uri)),
  ),
);

connection.onCodeLens((p, token) =>
  withAnalysis(p.textDocument?.uri, token, [], a => codeLensesFor(a, session.context(a.uri)).map(toCodeLens)),
);

connection.onDocumentSymbol((p, token) => withAnalysis(p.textDocument?.uri, token, [], a => a.symbols.map(toSymbol)));

connection.onDefinition((p, token) =>
  withAnalysis(p.textDocument?.uri, token, [], (a, doc) =>
    definitionAt(a, doc.offsetAt(p.position), session.context(a.uri)),
  ),
);

connection.onReferences((p, token) =>
  withAnalysis(p.textDocument?.uri, token, [], (a, doc) =>
    referencesAt(a, doc.offsetAt(p.position), session.context(a.uri)),
  ),
);

const commandEnv: CommandEnv = {
  get session() {
    return session;
  },
  document: uri => documents.get(uri),
  workspaceFolders: async () => {
    if (!canAskFolders) return initialFolders;
    const folders = await connection.workspace.getWorkspaceFolders().catch(() => null);
    return folders ? folders.map(f => f.uri) : initialFolders;
  },
  publish: (uri, findings) => {
    void connection.sendDiagnostics({
      uri,
      diagnostics: session.render(findings).map(f => toDiagnostic(f, session.settings.lang)),
    });
  },
  workspaceFiles: async () => {
    await index.whenReady();
    return [...index.files];
  },
  allowPaths: paths => {
    for (const p of paths) commandPaths.add(p);
  },
};

connection.onExecuteCommand(async p => {
  const handler = SERVER_COMMANDS.get(p.command);
  if (!handler) return null;
  try {
    return await handler(p.arguments ?? [], commandEnv);
  } catch (e) {
    connection.console.error(
      `iryo-guard: command ${p.command} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return { message: `iryo-guard: ${p.command} failed: ${e instanceof Error ? e.message : String(e)}` };
  }
});

connection.onShutdown(() => {
  shutdownReceived = true;
});
process.on('uncaughtException', e => connection.console.error(`iryo-guard: uncaught ${e.stack ?? e.message}`));
documents.listen(connection);
connection.listen();
