import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  Analysis,
  Catalog,
  EngineContext,
  Finding,
  isRefusal,
  ReadRefusal,
  RenderedFinding,
  renderFindings,
  Settings,
} from '../engine';
import { analyzeFile, CycleGuard } from '../host/analysis';
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
  settings: Settings;

  constructor(
    readonly catalog: Catalog,
    settings: Settings,
    private readonly openDoc: (uri: string) => TextDocument | undefined,
    readonly files: FileAccess,
  ) {
    this.settings = settings;
  }

  context(reader?: string): EngineContext {
    return {
      catalog: this.catalog,
      settings: this.settings,
      readFile: uri => {
        if (reader) this.link(uri, reader);
        return this.linkedText(uri);
      },
      analysisOf: uri => {
        if (reader) this.link(uri, reader);
        return this.linkedAnalysis(uri);
      },
    };
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

  /** `uri` changed (edited, saved or on disk): its own disk analysis and every dependent's analysis are stale. */
  invalidate(uri: string): string[] {
    this.diskCache.delete(uri);
    const deps = this.dependentsOf(uri);
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
    const analysis = this.cycles.run(d.uri, () => analyze(d.uri, d.getText(), this.context(d.uri)));
    this.cache.set(d.uri, { version: d.version, analysis });
    return analysis;
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

export function toPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
