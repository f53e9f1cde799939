import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Analysis, RISK_FILE as RISK } from '../engine';

import { CANDIDATE, SKIP_DIRS as SKIP } from '../cli/walk';
const BATCH = 64;

export interface IndexHost {
  isOpen(uri: string): boolean;
  analysisOf(uri: string): Analysis | undefined;
  publish(uri: string, a: Analysis): void;
}

/**
 * The workspace's candidate files, found by a background walk that yields between batches so requests stay fast.
 * Risk files are analysed (which records the templates they link) and published even when not open, so editing a
 * template re-checks them; everything else is only listed until "check workspace" asks for it.
 */
export class WorkspaceIndex {
  readonly files = new Set<string>();
  private markReady!: () => void;
  /** Pending until the first walk has finished, so "check workspace" sees every file. */
  private ready = new Promise<void>(resolve => {
    this.markReady = resolve;
  });

  constructor(private readonly host: IndexHost) {}

  /** Walks the folders in the background; resolves when every risk file has been analysed once. */
  index(folders: string[]): Promise<void> {
    const walk = (async () => {
      const stack = [...folders];
      let n = 0;
      while (stack.length) {
        const dir = stack.pop()!;
        let entries: fs.Dirent[];
        try {
          entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch {
          continue;
        }
        for (const e of entries) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) {
            if (!SKIP.has(e.name) && !e.name.startsWith('.')) stack.push(p);
            continue;
          }
          if (!e.isFile() || !CANDIDATE.test(e.name) || e.name.endsWith('.d.ts')) continue;
          const uri = pathToFileURL(p).href;
          this.files.add(uri);
          if (RISK.test(e.name)) this.refresh(uri);
          if (++n % BATCH === 0) await new Promise(r => setImmediate(r));
        }
      }
    })();
    void walk.finally(() => this.markReady());
    return walk;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Re-analyses a file that is not open in the editor and publishes its findings. */
  refresh(uri: string) {
    if (this.host.isOpen(uri)) return;
    const a = this.host.analysisOf(uri);
    if (a && a.kind !== 'none') this.host.publish(uri, a);
  }

  riskFiles(): string[] {
    return [...this.files].filter(u => RISK.test(u));
  }

  /** Files created, changed or deleted on disk. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]) {
    for (const c of changes) {
      if (c.type === 3) this.files.delete(c.uri);
      else if (CANDIDATE.test(c.uri)) this.files.add(c.uri);
    }
  }
}
