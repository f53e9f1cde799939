/** Analysing files on disk through the guarded reader, the same way for the CLI and the server. */
import { analyze, analyzeOversized, Analysis, EngineContext, isRefusal, ReadRefusal } from '../engine';
import { FileAccess } from './read';

/** How much of a file over the size limit is read to tell what it is (template, CDK, risk file or other). */
export const HEAD_BYTES = 64 * 1024;

/**
 * The analysis of a file read through `files`, or why it was not read. A file over the size limit is not read: its
 * first bytes say what it is, and it gets the `file-too-large` finding.
 */
export function analyzeFile(uri: string, files: FileAccess, ctx: EngineContext): Analysis | ReadRefusal {
  const r = files.read(uri);
  if (!isRefusal(r)) return analyze(uri, r.text, ctx);
  if (r.refused !== 'too-large') return r;
  const head = files.read(uri, { head: HEAD_BYTES });
  return isRefusal(head) ? r : analyzeOversized(uri, head.text, r.size ?? head.info.size, ctx);
}

/**
 * The analyses in progress on the current call stack. Risk files link templates, and analysing one file can ask for
 * another's analysis; a request for a file that is itself being analysed is a cycle, answered without recursing.
 */
export class CycleGuard {
  private readonly active = new Set<string>();

  has(key: string): boolean {
    return this.active.has(key);
  }

  run<T>(key: string, f: () => T): T {
    const outer = this.active.has(key);
    this.active.add(key);
    try {
      return f();
    } finally {
      if (!outer) this.active.delete(key);
    }
  }
}
