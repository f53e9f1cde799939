import * as fs from 'fs';
import { fileURLToPath } from 'url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyze,
  Analysis,
  Catalog,
  EngineContext,
  Finding,
  RenderedFinding,
  renderFindings,
  Settings,
} from '../engine';

/**
 * Analyses per open document (one per version), the context the engine reads other files through, and the
 * reverse links (a template → the risk files that list it) so an edit re-checks its dependents.
 */
export class Session {
  private readonly cache = new Map<string, { version: number; analysis: Analysis }>();
  private readonly diskCache = new Map<string, { mtimeMs: number; analysis: Analysis }>();
  /** uri → documents whose analysis read it. */
  private readonly dependents = new Map<string, Set<string>>();
  settings: Settings;

  constructor(
    readonly catalog: Catalog,
    settings: Settings,
    private readonly openDoc: (uri: string) => TextDocument | undefined,
  ) {
    this.settings = settings;
  }

  context(reader?: string): EngineContext {
    return {
      catalog: this.catalog,
      settings: this.settings,
      readFile: uri => {
        if (reader) this.link(uri, reader);
        return this.textOf(uri);
      },
      analysisOf: uri => {
        if (reader) this.link(uri, reader);
        return this.analysisOf(uri);
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

  /** `uri` changed (edited, saved or changed on disk): its own disk analysis and every dependent's analysis are stale. */
  invalidate(uri: string): string[] {
    this.diskCache.delete(uri);
    const deps = this.dependentsOf(uri);
    for (const d of deps) {
      this.cache.delete(d);
      this.diskCache.delete(d);
    }
    return deps;
  }

  textOf(uri: string): string | undefined {
    const d = this.openDoc(uri);
    if (d) return d.getText();
    const file = toPath(uri);
    if (!file) return undefined;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** The analysis of an open document (current version) or of a file on disk (cached by mtime). */
  analysisOf(uri: string): Analysis | undefined {
    const d = this.openDoc(uri);
    if (d) return this.analyzeDocument(d);
    const file = toPath(uri);
    if (!file) return undefined;
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return undefined;
    }
    const hit = this.diskCache.get(uri);
    if (hit && hit.mtimeMs === st.mtimeMs) return hit.analysis;
    const text = this.textOf(uri);
    if (text === undefined) return undefined;
    const analysis = analyze(uri, text, this.context(uri));
    this.diskCache.set(uri, { mtimeMs: st.mtimeMs, analysis });
    return analysis;
  }

  analyzeDocument(d: TextDocument): Analysis {
    const hit = this.cache.get(d.uri);
    if (hit && hit.version === d.version) return hit.analysis;
    // Documents that read the previous version of this one are stale even though their own text did not change.
    for (const dep of this.dependentsOf(d.uri)) this.cache.delete(dep);
    for (const set of this.dependents.values()) set.delete(d.uri);
    const analysis = analyze(d.uri, d.getText(), this.context(d.uri));
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
  /** New settings. Analyses hold no language, so a change of language alone keeps them; anything else clears them. */
  reset(settings: Settings) {
    const sameAnalysis = JSON.stringify({ ...this.settings, lang: '' }) === JSON.stringify({ ...settings, lang: '' });
    this.settings = settings;
    if (sameAnalysis) return;
    this.cache.clear();
    this.diskCache.clear();
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
