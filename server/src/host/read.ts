/**
 * The one guarded way to read a file of the user's (a workspace file, an `iac:` link, cdk.json, CDK sources). A
 * repository is data, possibly hostile: a path in it must not make the server hang on a device or FIFO, read outside
 * the folders it was given (`../`, absolute paths, symbolic links, `file://` URLs), reach the network (UNC paths) or
 * spend its time on a huge file. Every read here:
 *
 * 1. turns the URI or path into a local path without touching the disk: UNC (`\\host\x`, `//host/x`), `file://host/`
 *    and other URL schemes are refused as remote on every platform;
 * 2. requires that path, and then its real path (symbolic links followed), to be inside one of the allowed roots;
 * 3. requires a regular file whose size is within the limit, checked before reading (lstat of the real path);
 * 4. opens with O_NONBLOCK | O_NOFOLLOW (a FIFO swapped in cannot block the open, a link swapped in fails it),
 *    checks the open file again (fstat: same file, regular, within the limit) and reads at most the limit.
 *
 * A refusal is a typed reason (`ReadRefusal`), never content.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { isRefusal, ReadRefusal, ReadRefusalReason } from '../engine';

export interface ReadPolicy {
  /** Folders (or single files) inside which reading is allowed. */
  roots(): readonly string[];
  /** The largest file that is read whole, in bytes. */
  maxBytes(): number;
}

export interface FileInfo {
  /** The absolute path as named (links not followed). */
  path: string;
  /** The real path (links followed), inside a root. */
  real: string;
  size: number;
  mtimeMs: number;
}

export interface FileText {
  text: string;
  info: FileInfo;
}

const refuse = (refused: ReadRefusalReason, extra: Omit<ReadRefusal, 'refused'> = {}): ReadRefusal => ({
  refused,
  ...extra,
});

/** `\\host\share`, `//host/share`, `\\?\…`, `\\.\…`: network or device namespaces, refused on every platform. */
const REMOTE = /^[\\/]{2}/;
/** A URL scheme; one letter is a Windows drive (`C:`), not a scheme. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/** The local absolute path a URI or path names, or why it is not a local path. Does not touch the disk. */
export function localPath(target: string): string | ReadRefusal {
  if (target.includes('\0')) return refuse('not-found');
  if (REMOTE.test(target)) return refuse('remote-path');
  const scheme = SCHEME.exec(target)?.[1].toLowerCase();
  if (!scheme) return path.resolve(target);
  if (scheme !== 'file') return refuse(scheme === 'untitled' ? 'not-found' : 'remote-path');
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return refuse('not-found');
  }
  // file://host/share/x and file:////host/share/x both name a network share.
  if ((url.hostname && url.hostname !== 'localhost') || /^\/[\\/]/.test(url.pathname)) return refuse('remote-path');
  let p: string;
  try {
    p = fileURLToPath(url);
  } catch {
    return refuse('not-found');
  }
  return REMOTE.test(p) ? refuse('remote-path') : path.resolve(p);
}

const caseless = process.platform === 'win32' || process.platform === 'darwin';
const norm = (p: string) => (caseless ? p.toLowerCase() : p);

/** Whether `p` is `root` or inside it (both absolute). */
export function isInside(p: string, root: string): boolean {
  const rel = path.relative(norm(root), norm(p));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function errorReason(e: unknown): ReadRefusal {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return refuse('not-found');
  return refuse('unreadable', { detail: code ?? String(e) });
}

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

export class FileAccess {
  private readonly realRoots = new Map<string, string>();

  constructor(private readonly policy: ReadPolicy) {}

  /** The roots as given and as real paths (a root that does not exist contributes its resolved path only). */
  private roots(): { given: string[]; real: string[] } {
    const given = this.policy.roots().map(r => path.resolve(r));
    const real = given.map(r => {
      let hit = this.realRoots.get(r);
      if (hit === undefined) {
        try {
          hit = fs.realpathSync.native(r);
          this.realRoots.set(r, hit);
        } catch {
          return r;
        }
      }
      return hit;
    });
    return { given, real };
  }

  /**
   * Where a URI or path points, when reading there is allowed at all: a local path inside a root, and its real path
   * when it exists (`real` undefined: nothing there yet). Refusals: remote-path, outside-workspace, unreadable.
   */
  place(target: string): { path: string; real?: string } | ReadRefusal {
    const p = localPath(target);
    if (isRefusal(p)) return p;
    const roots = this.roots();
    const all = [...roots.given, ...roots.real];
    // Judged on the path as written first, so a path outside is refused without touching the disk.
    if (!all.some(r => isInside(p, r))) return refuse('outside-workspace');
    let real: string;
    try {
      real = fs.realpathSync.native(p);
    } catch (e) {
      const r = errorReason(e);
      return r.refused === 'not-found' ? { path: p } : r;
    }
    if (!roots.real.some(r => isInside(real, r))) return refuse('outside-workspace');
    return { path: p, real };
  }

  /** Place, then the checks that need no open: a regular file (not a device, FIFO or socket) within the limit. */
  stat(target: string, opts: { anySize?: boolean } = {}): FileInfo | ReadRefusal {
    const where = this.place(target);
    if (isRefusal(where)) return where;
    if (!where.real) return refuse('not-found');
    let st: fs.Stats;
    try {
      st = fs.lstatSync(where.real);
    } catch (e) {
      return errorReason(e);
    }
    if (!st.isFile()) return refuse('not-a-regular-file');
    const limit = this.policy.maxBytes();
    if (!opts.anySize && st.size > limit) return refuse('too-large', { size: st.size, limit });
    return { path: where.path, real: where.real, size: st.size, mtimeMs: st.mtimeMs };
  }

  /**
   * The text of a file (UTF-8), or why it was not read. With `head`, at most that many bytes from the start are read
   * whatever the file's size (to tell what a file too large to check is).
   */
  read(target: string, opts: { head?: number } = {}): FileText | ReadRefusal {
    const info = this.stat(target, { anySize: opts.head !== undefined });
    if (isRefusal(info)) return info;
    const limit = opts.head ?? this.policy.maxBytes();
    let fd: number;
    try {
      fd = fs.openSync(info.real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    } catch (e) {
      return errorReason(e);
    }
    try {
      const st = fs.fstatSync(fd);
      if (!st.isFile()) return refuse('not-a-regular-file');
      if (opts.head === undefined && st.size > limit) return refuse('too-large', { size: st.size, limit });
      // Read until the end, but never more than the limit plus one byte (which tells a file that grew since fstat, or
      // one whose size the system does not report, from one exactly at the limit).
      const cap = opts.head ?? limit + 1;
      let buf = Buffer.alloc(Math.min(Math.max(st.size + 1, 8192), cap));
      let n = 0;
      while (n < cap) {
        if (n === buf.length) buf = Buffer.concat([buf, Buffer.alloc(Math.min(buf.length, cap - buf.length))]);
        const got = fs.readSync(fd, buf, n, buf.length - n, null);
        if (got === 0) break;
        n += got;
      }
      if (opts.head === undefined && n > limit) return refuse('too-large', { size: n, limit });
      return { text: buf.toString('utf8', 0, n), info: { ...info, size: st.size, mtimeMs: st.mtimeMs } };
    } catch (e) {
      return errorReason(e);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The text, or the refusal, in the shape `EngineContext.readFile` answers. */
  text(target: string): string | ReadRefusal {
    const r = this.read(target);
    return isRefusal(r) ? r : r.text;
  }
}
