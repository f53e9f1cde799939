import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  Analysis,
  Catalog,
  EngineContext,
  EngineFailure,
  Finding,
  isRefusal,
  parseForProject,
  ProjectIndex,
  ProjectSource,
  ReadRefusal,
  RenderedFinding,
  renderFindings,
  Settings,
  Template,
  templateFacts,
  templateOf,
  stagePhrase,
  t,
} from '../engine';
import { analyzeFile, CycleGuard } from '../host/analysis';
import { localDate } from '../host/clock';
import { FileAccess } from '../host/read';

/**
 * Analyses per open document (one per version), the context the engine reads other files through, and the
 * reverse links (a template → the risk files that list it) so an edit re-checks its dependents. Files on disk are
 * read only through `files`, the guarded reader limited to the workspace.
 */
export class Session {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly diskCache = new Map<string, { mtimeMs: number; size: number; analysis: Analysis }>();
  /** uri → documents whose analysis read it. */
  private readonly dependents = new Map<string, Set<string>>();
  /** Analyses in progress: a link back to one of them (a cycle) is answered without recursing. */
  private readonly cycles = new CycleGuard();
  /** The workspace's templates as facts (no parse trees kept): singletons and references across stacks. */
  readonly project = new ProjectIndex();
  /** Whether the project index covers the workspace (false with no folder open: a file is then checked alone). */
  projectComplete = false;
  /** Open templates whose resource types changed: every open document is checked again, not only referrers. */
  private readonly widened = new Set<string>();
  /** Parsed templates other rules look into (a bucket policy in another stack), by version or by mtime; bounded. */
  private readonly parsed = new Map<string, { stamp: string; template: Template | undefined }>();
  /** Failures already logged: analysis runs on every keystroke, the output shows each failure once. */
  private readonly logged = new Set<string>();
  settings: Settings;

  /** `log` receives a line for the server's output (`connection.console.error`) for each internal failure. */
  constructor(
    readonly catalog: Catalog,
    settings: Settings,
    private readonly openDoc: (uri: string) => TextDocument | undefined,
    readonly files: FileAccess,
    private readonly log: (line: string) => void = () => undefined,
  ) {
    this.settings = settings;
  }

  context(reader?: string): EngineContext {
    return {
      catalog: this.catalog,
      // Dated checks (an assessment's next review) compare with the day of the analysis.
      settings: { ...this.settings, today: localDate() },
      onEngineError: f => this.logFailure(f),
      readFile: uri => {
        if (reader) this.link(uri, reader);
        return this.linkedText(uri);
      },
      analysisOf: uri => {
        if (reader) this.link(uri, reader);
        return this.linkedAnalysis(uri);
      },
      project: this.projectSource(),
    };
  }

  projectSource(): ProjectSource {
    return {
      index: this.project,
      complete: this.projectComplete,
      template: uri => this.projectTemplate(uri),
    };
  }

  /**
   * Another template of the project, parsed (not checked): the open editor's text, else the file on disk. Kept for
   * the last few files only; the index holds the facts of all of them.
   */
  projectTemplate(uri: string): Template | undefined {
    const d = this.openDoc(uri);
    let stamp: string;
    let text: () => string | ReadRefusal;
    if (d) {
      stamp = `v${d.version}`;
      text = () => d.getText();
    } else {
      const st = this.files.stat(uri);
      if (isRefusal(st)) return undefined;
      stamp = `${st.mtimeMs}:${st.size}`;
      text = () => this.files.text(uri);
    }
    const hit = this.parsed.get(uri);
    if (hit?.stamp === stamp) return hit.template;
    const t = text();
    const template = isRefusal(t) ? undefined : parseForProject(uri, t, this.context())?.template;
    this.parsed.delete(uri);
    this.parsed.set(uri, { stamp, template });
    if (this.parsed.size > PARSED_KEPT) this.parsed.delete(this.parsed.keys().next().value!);
    return template;
  }

  /** Reads a workspace template's facts into the project index (a background walk, a file changed on disk). */
  indexTemplate(uri: string): void {
    const template = this.projectTemplate(uri);
    try {
      if (template) this.project.set(templateFacts(template));
      else this.project.delete(uri);
    } catch (error) {
      // Logged; the template's own analysis still runs, without its facts in the project.
      this.logFailure({ uri, stage: 'template', error });
      this.project.delete(uri);
    }
  }

  /** An internal failure of the engine, with its stack, in the user's language; each distinct one once per file. */
  private logFailure(f: EngineFailure) {
    const stack = f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error);
    // The same failure is the same error thrown at the same place, whichever request led there.
    const origin = stack.split('\n').slice(0, 2).join('\n');
    const key = `${f.uri}\u0000${f.stage}\u0000${f.name ?? ''}\u0000${origin}`;
    if (this.logged.has(key)) return;
    if (this.logged.size >= 1000) this.logged.clear();
    this.logged.add(key);
    const file = toPath(f.uri) ?? f.uri;
    this.log(
      `iryo-guard: ${t('engineErrorLog', this.settings.lang, { file, stage: stagePhrase(f.stage, f.name), stack })}`,
    );
  }

  private link(target: string, reader: string) {
    if (target === reader) return;
    const set = this.dependents.get(target) ?? new Set();
    set.add(reader);
    this.dependents.set(target, set);
  }

  /** Documents that read `uri` during their last analysis. */
  dependentsOf(uri: string): string[] {
    return [...(this.dependents.get(uri) ?? [])];
  }

  /**
   * `uri` changed (edited, saved or on disk): its own disk analysis and every dependent's analysis are stale — the
   * risk files that list it, and the templates of the project that refer to it or that it refers to.
   */
  invalidate(uri: string): string[] {
    this.diskCache.delete(uri);
    const wide = this.widened.delete(uri) ? [...this.cache.keys()] : [];
    const deps = [...new Set([...this.dependentsOf(uri), ...this.project.dependents(uri), ...wide])].filter(
      d => d !== uri,
    );
    for (const d of deps) {
      this.cache.delete(d);
      this.diskCache.delete(d);
    }
    return deps;
  }

  /**
   * Another file's text for the engine: where reading is allowed at all (inside the workspace, not remote), the
   * open editor's text, else the guarded read from disk.
   */
  linkedText(uri: string): string | ReadRefusal {
    const where = this.files.place(uri);
    if (isRefusal(where)) return where;
    const d = this.openDoc(uri);
    return d ? d.getText() : this.files.text(uri);
  }

  /** Another file's analysis for the engine: only where reading is allowed, and never one already in progress. */
  linkedAnalysis(uri: string): Analysis | undefined {
    if (this.cycles.has(uri) || isRefusal(this.files.place(uri))) return undefined;
    return this.analysisOf(uri);
  }

  /** The analysis of an open document (current version) or of a file on disk (cached by mtime and size). */
  analysisOf(uri: string): Analysis | undefined {
    const d = this.openDoc(uri);
    if (d) return this.analyzeDocument(d);
    const st = this.files.stat(uri, { anySize: true });
    if (isRefusal(st)) return undefined;
    const hit = this.diskCache.get(uri);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.analysis;
    const analysis = this.cycles.run(uri, () => analyzeFile(uri, this.files, this.context(uri)));
    if (isRefusal(analysis)) return undefined;
    this.diskCache.set(uri, { mtimeMs: st.mtimeMs, size: st.size, analysis });
    return analysis;
  }

  analyzeDocument(d: TextDocument): Analysis {
    const hit = this.cache.get(d.uri);
    if (hit && hit.version === d.version) return hit.analysis;
    // Documents that read the previous version of this one are stale even though their own text did not change.
    for (const dep of this.dependentsOf(d.uri)) this.cache.delete(dep);
    for (const set of this.dependents.values()) set.delete(d.uri);
    const typesBefore = JSON.stringify(this.project.facts(d.uri)?.types);
    const analysis = this.cycles.run(d.uri, () => analyze(d.uri, d.getText(), this.context(d.uri)));
    this.cache.set(d.uri, { version: d.version, analysis });
    this.noteFacts(d.uri, templateOf(analysis), typesBefore);
    return analysis;
  }

  /**
   * An open template's current facts replace what the index knew of it (the project view already brings the index up
   * to date while the rules run; a file that stopped being a template leaves it). When the resource types changed, the
   * account singletons of every other stack may have changed too, whether or not they refer to this one.
   */
  private noteFacts(uri: string, template: Template | undefined, typesBefore: string | undefined) {
    if (!template) this.project.delete(uri);
    else if (!this.project.has(uri)) this.project.set(templateFacts(template));
    if (JSON.stringify(this.project.facts(uri)?.types) !== typesBefore) this.widened.add(uri);
  }

  cached(uri: string): Analysis | undefined {
    return this.cache.get(uri)?.analysis;
  }

  forget(uri: string) {
    this.cache.delete(uri);
  }

  /** Settings changed: every analysis is stale. */
  /** Forgets every analysis (settings or what may be read changed). */
  reset(settings: Settings) {
    this.settings = settings;
    this.cache.clear();
    this.diskCache.clear();
  }

  /** New settings. Analyses hold no language, so a change of language alone keeps them; returns whether it did. */
  update(settings: Settings): boolean {
    const sameAnalysis = JSON.stringify({ ...this.settings, lang: '' }) === JSON.stringify({ ...settings, lang: '' });
    if (!sameAnalysis) this.reset(settings);
    this.settings = settings;
    return sameAnalysis;
  }

  /** A finding as the user reads it, in the current language. */
  render(findings: readonly Finding[]): RenderedFinding[] {
    return renderFindings(findings, this.catalog, this.settings.lang);
  }
}

/** Parsed templates kept for rules that look into another stack (the index keeps every template's facts). */
const PARSED_KEPT = 64;

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
