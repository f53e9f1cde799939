import { fileURLToPath, pathToFileURL } from 'url';
import { Analysis, RISK_FILE as RISK } from '../engine';
import { isDiscoverable, walkFiles } from '../host/discovery';
import { isInside } from '../host/read';

const BATCH = 64;
/** Work done between yields to the event loop while indexing, so requests are answered promptly. */
const SLICE_MS = 15;

export interface IndexHost {
  isOpen(uri: string): boolean;
  analysisOf(uri: string): Analysis | undefined;
  publish(uri: string, a: Analysis): void;
  /** Reads a template's facts into the project index (not its findings). */
  indexTemplate(uri: string): void;
  /** Forgets a file that is gone from the project index. */
  unindex(uri: string): void;
  /** The first walk has indexed every template: open documents are checked again with the whole project in view. */
  projectIndexed(): void;
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

  private folders: string[] = [];

  constructor(private readonly host: IndexHost) {}

  /** Walks the folders in the background; resolves when every risk file has been analysed once. */
  index(folders: string[]): Promise<void> {
    this.folders.push(...folders.filter(f => !this.folders.includes(f)));
    const turn = () => new Promise(r => setImmediate(r));
    const walk = (async () => {
      // First list the files (cheap), then read the templates' facts into the project index, then analyse the risk
      // files (costly: their templates too), a little per turn, so the documents the user opens meanwhile come first.
      const risks: string[] = [];
      const templates: string[] = [];
      let n = 0;
      for (const folder of folders) {
        for (const p of walkFiles(folder)) {
          const uri = pathToFileURL(p).href;
          this.files.add(uri);
          (RISK.test(p) ? risks : templates).push(uri);
          if (++n % BATCH === 0) await turn();
        }
      }
      let slice = Date.now();
      for (const uri of templates) {
        if (Date.now() - slice > SLICE_MS) {
          await turn();
          slice = Date.now();
        }
        if (!this.host.isOpen(uri)) this.host.indexTemplate(uri);
      }
      this.host.projectIndexed();
      for (const uri of risks) {
        await turn();
        this.refresh(uri);
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

  /** Workspace folders removed: their files leave the index (returned, so their diagnostics can be cleared). */
  removeFolders(folders: string[]): string[] {
    this.folders = this.folders.filter(f => !folders.includes(f));
    const under = (file: string, list: string[]) => list.some(f => isInside(file, f));
    const gone = [...this.files].filter(uri => under(pathOf(uri), folders) && !under(pathOf(uri), this.folders));
    for (const uri of gone) this.files.delete(uri);
    return gone;
  }

  riskFiles(): string[] {
    return [...this.files].filter(u => RISK.test(u));
  }

  /** Files created, changed or deleted on disk; a new file joins the index when a walk would have found it. */
  filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]) {
    for (const c of changes) {
      if (c.type === 3) {
        this.files.delete(c.uri);
        this.host.unindex(c.uri);
      } else if (isDiscoverable(pathOf(c.uri), this.folders)) {
        this.files.add(c.uri);
        if (!RISK.test(c.uri) && !this.host.isOpen(c.uri)) this.host.indexTemplate(c.uri);
      }
    }
  }
}

function pathOf(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return '';
  }
}
