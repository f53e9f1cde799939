/** The guarded reader (host/read.ts) and file discovery (host/discovery.ts) on real files, links, FIFOs, devices. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { findingMessage, isRefusal } from '../../../server/src/engine';
import { analyzeFile, CycleGuard, HEAD_BYTES } from '../../../server/src/host/analysis';
import { collectFiles, isDiscoverable, walkFiles } from '../../../server/src/host/discovery';
import { FileAccess, isInside, localPath } from '../../../server/src/host/read';
import { cliRoots, projectRoot } from '../../../server/src/host/roots';
import { catalog, context } from '../../helpers';
// The module object itself (not a namespace copy), so the spy below sees what the reader calls.
import fsModule = require('fs');

const posix = process.platform !== 'win32';
const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::S3::Bucket\n';

/** Every path opened and every byte read through `fs` while `f` runs. */
function spyReads<T>(f: () => T): { result: T; opened: string[]; bytes: Map<string, number> } {
  const opened: string[] = [];
  const bytes = new Map<string, number>();
  const fds = new Map<number, string>();
  const { openSync, readSync, readFileSync } = fsModule;
  const mutable = fsModule as { -readonly [K in keyof typeof fs]: (typeof fs)[K] };
  mutable.openSync = ((p: fs.PathLike, ...rest: never[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(p, ...rest);
    opened.push(String(p));
    fds.set(fd, String(p));
    return fd;
  }) as typeof fs.openSync;
  mutable.readSync = ((fd: number, ...rest: never[]) => {
    const n = (readSync as (...a: unknown[]) => number)(fd, ...rest);
    const p = fds.get(fd) ?? `fd:${fd}`;
    bytes.set(p, (bytes.get(p) ?? 0) + n);
    return n;
  }) as typeof fs.readSync;
  mutable.readFileSync = ((p: fs.PathOrFileDescriptor, ...rest: never[]) => {
    opened.push(String(p));
    return (readFileSync as (...a: unknown[]) => unknown)(p, ...rest);
  }) as typeof fs.readFileSync;
  try {
    return { result: f(), opened, bytes };
  } finally {
    mutable.openSync = openSync;
    mutable.readSync = readSync;
    mutable.readFileSync = readFileSync;
  }
}

describe('host: the guarded reader', () => {
  let tmp: string;
  let ws: string;
  let outside: string;
  let files: FileAccess;
  const limit = 64 * 1024;

  before(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-read-')));
    ws = path.join(tmp, 'ws');
    outside = path.join(tmp, 'outside');
    fs.mkdirSync(path.join(ws, 'sub'), { recursive: true });
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(ws, 'template.yaml'), TEMPLATE);
    fs.writeFileSync(path.join(outside, 'secret.yaml'), TEMPLATE.replace('Docs', 'SecretMarker'));
    if (posix) {
      fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(ws, 'link-out.yaml'));
      fs.symlinkSync(path.join(ws, 'template.yaml'), path.join(ws, 'sub', 'link-in.yaml'));
      fs.symlinkSync(outside, path.join(ws, 'dir-out'));
      execFileSync('mkfifo', [path.join(ws, 'fifo.yaml')]);
    }
    files = new FileAccess({ roots: () => [ws], maxBytes: () => limit });
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const reason = (target: string) => {
    const r = files.read(target);
    return isRefusal(r) ? r.refused : 'read';
  };

  it('reads a regular file inside the workspace, by path or by file URI, and a link that stays inside', () => {
    const { result: r, opened, bytes } = spyReads(() => files.read(pathToFileURL(path.join(ws, 'template.yaml')).href));
    assert.ok(!isRefusal(r));
    assert.strictEqual(r.text, TEMPLATE);
    // The spy sees the reader's opens and reads (the other tests rely on it).
    assert.deepStrictEqual(opened, [path.join(ws, 'template.yaml')]);
    assert.strictEqual(bytes.get(path.join(ws, 'template.yaml')), TEMPLATE.length);
    assert.strictEqual(reason(path.join(ws, 'template.yaml')), 'read');
    if (posix) assert.strictEqual(reason(path.join(ws, 'sub', 'link-in.yaml')), 'read');
  });

  it('a path outside (absolute, ../, file:///etc/passwd) is refused without touching it', () => {
    const { result, opened } = spyReads(() => [
      reason(path.join(outside, 'secret.yaml')),
      reason(path.join(ws, '..', 'outside', 'secret.yaml')),
      reason('file:///etc/passwd'),
      reason('/etc/passwd'),
    ]);
    assert.deepStrictEqual(result, Array(4).fill('outside-workspace'));
    assert.deepStrictEqual(opened, []);
  });

  it('a symbolic link (to a file or through a folder) pointing outside is refused by its real path', function () {
    if (!posix) this.skip();
    const { result, opened } = spyReads(() => [
      reason(path.join(ws, 'link-out.yaml')),
      reason(path.join(ws, 'dir-out', 'secret.yaml')),
    ]);
    assert.deepStrictEqual(result, ['outside-workspace', 'outside-workspace']);
    assert.deepStrictEqual(opened, []);
  });

  it('a FIFO is refused before it is opened (no hang), and so is a device inside the allowed roots', function () {
    if (!posix) this.skip();
    const t0 = Date.now();
    const { result, opened } = spyReads(() => reason(path.join(ws, 'fifo.yaml')));
    assert.strictEqual(result, 'not-a-regular-file');
    assert.deepStrictEqual(opened, []);
    const dev = new FileAccess({ roots: () => ['/dev'], maxBytes: () => limit });
    for (const d of ['/dev/zero', '/dev/null', '/dev/stdin']) {
      const r = dev.read(d);
      assert.ok(isRefusal(r) && ['not-a-regular-file', 'not-found', 'outside-workspace'].includes(r.refused), d);
    }
    assert.deepStrictEqual(dev.read('/dev/zero'), { refused: 'not-a-regular-file' });
    assert.ok(Date.now() - t0 < 1000);
  });

  it('UNC paths, file://host/ URLs and other schemes are remote on every platform', () => {
    const { result, opened } = spyReads(() =>
      [
        '//host/share/x.yaml',
        '\\\\host\\share\\x.yaml',
        '\\\\?\\C:\\x.yaml',
        'file://host/share/x.yaml',
        'file:////host/share/x.yaml',
        'http://example.com/x.yaml',
        'smb://host/share/x.yaml',
      ].map(reason),
    );
    assert.deepStrictEqual(result, Array(7).fill('remote-path'));
    assert.deepStrictEqual(opened, []);
    assert.deepStrictEqual(
      localPath('file://localhost' + pathToFileURL(path.join(ws, 'a')).pathname),
      path.join(ws, 'a'),
    );
  });

  it('a missing file inside is not-found; outside, outside-workspace (nothing said about its existence)', () => {
    assert.strictEqual(reason(path.join(ws, 'nope.yaml')), 'not-found');
    assert.strictEqual(reason(path.join(outside, 'nope.yaml')), 'outside-workspace');
  });

  it('a sparse 300 MB file is refused by its size before any byte is read, in well under a second', function () {
    const big = path.join(ws, 'big.yaml');
    fs.writeFileSync(big, TEMPLATE);
    fs.truncateSync(big, 300 * 1024 * 1024);
    try {
      const t0 = process.hrtime.bigint();
      const { result, bytes, opened } = spyReads(() => files.read(big));
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      assert.deepStrictEqual(result, { refused: 'too-large', size: 300 * 1024 * 1024, limit });
      assert.deepStrictEqual(opened, []);
      assert.strictEqual(bytes.size, 0);
      assert.ok(ms < 5000, `${ms} ms (a bound against reading it whole, not a benchmark)`);
      // What the faces do with it: the first bytes say it is a template, reported as too large; nothing more is read.
      const spied = spyReads(() => analyzeFile(pathToFileURL(big).href, files, context({ maxFileSizeKB: 64 })));
      const a = spied.result;
      assert.ok(!isRefusal(a));
      assert.strictEqual(a.kind, 'cloudformation');
      assert.deepStrictEqual(
        a.findings.map(f => f.rule),
        ['file-too-large'],
      );
      assert.match(findingMessage(catalog, a.findings[0], 'en'), /307200 KB, above the 64 KB limit/);
      assert.ok(spied.bytes.get(big)! <= HEAD_BYTES, String(spied.bytes.get(big)));
    } finally {
      fs.rmSync(big);
    }
  });

  it('a file at the limit is read, one byte over is not', () => {
    const at = path.join(ws, 'at.yaml');
    fs.writeFileSync(at, 'x'.repeat(limit));
    assert.strictEqual(reason(at), 'read');
    fs.writeFileSync(at, 'x'.repeat(limit + 1));
    assert.deepStrictEqual(files.read(at), { refused: 'too-large', size: limit + 1, limit });
    fs.rmSync(at);
  });

  it('containment is by path segment, not by prefix', () => {
    assert.ok(isInside(path.join(ws, 'a'), ws));
    assert.ok(isInside(ws, ws));
    assert.ok(!isInside(ws + '-other', ws));
    assert.ok(!isInside(path.dirname(ws), ws));
  });

  it('CLI roots: the project around the working directory and each named path with its project', () => {
    fs.mkdirSync(path.join(tmp, 'repo', '.git'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'repo', 'infra'), { recursive: true });
    assert.strictEqual(projectRoot(path.join(tmp, 'repo', 'infra')), path.join(tmp, 'repo'));
    const roots = cliRoots([path.join(tmp, 'repo', 'infra'), path.join(outside, 'secret.yaml')], ws);
    assert.deepStrictEqual(roots, [
      projectRoot(ws) ?? ws,
      path.join(tmp, 'repo', 'infra'),
      path.join(tmp, 'repo'),
      path.join(outside, 'secret.yaml'),
      projectRoot(outside) ?? outside,
    ]);
  });
});

describe('host: the cycle guard', () => {
  it('answers a request for a key in progress without recursing, and forgets it afterwards', () => {
    const guard = new CycleGuard();
    let calls = 0;
    const visit = (key: string): number => {
      calls++;
      if (guard.has(key)) return 0;
      return guard.run(key, () => 1 + visit(key === 'a' ? 'b' : 'a'));
    };
    assert.strictEqual(visit('a'), 2);
    assert.strictEqual(calls, 3);
    assert.ok(!guard.has('a') && !guard.has('b'));
  });
});

describe('host: file discovery', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-walk-'));
    for (const d of ['infra', 'node_modules/pkg', '.hidden', 'cdk.out', 'lib'])
      fs.mkdirSync(path.join(tmp, d), { recursive: true });
    for (const f of [
      'infra/b.yaml',
      'infra/a.json',
      'node_modules/pkg/t.yaml',
      '.hidden/t.yaml',
      'cdk.out/s.template.json',
    ])
      fs.writeFileSync(path.join(tmp, f), '{}');
    fs.writeFileSync(path.join(tmp, 'lib/stack.ts'), '');
    fs.writeFileSync(path.join(tmp, 'lib/types.d.ts'), '');
    fs.writeFileSync(path.join(tmp, 'README.md'), '');
    if (posix) {
      fs.symlinkSync(os.tmpdir(), path.join(tmp, 'infra', 'loop'));
      fs.symlinkSync(path.join(tmp, 'infra/a.json'), path.join(tmp, 'infra', 'link.json'));
      execFileSync('mkfifo', [path.join(tmp, 'infra', 'fifo.yaml')]);
    }
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('walks candidates in name order, skipping dependency, build and hidden folders, links and FIFOs', () => {
    const rel = [...walkFiles(tmp)].map(f => path.relative(tmp, f).split(path.sep).join('/'));
    assert.deepStrictEqual(rel, ['infra/a.json', 'infra/b.yaml', 'lib/stack.ts']);
  });

  it('named paths: files taken whatever their name, folders walked, the rest reported apart', () => {
    const c = collectFiles([path.join(tmp, 'README.md'), path.join(tmp, 'infra'), path.join(tmp, 'nope')]);
    assert.deepStrictEqual(c.files, [
      path.join(tmp, 'README.md'),
      path.join(tmp, 'infra/a.json'),
      path.join(tmp, 'infra/b.yaml'),
    ]);
    assert.deepStrictEqual(c.missing, [path.join(tmp, 'nope')]);
    if (posix) assert.deepStrictEqual(collectFiles([path.join(tmp, 'infra', 'fifo.yaml')]).special.length, 1);
  });

  it('a watched file joins the index only where a walk would have found it', () => {
    assert.ok(isDiscoverable(path.join(tmp, 'infra/new.yaml'), [tmp]));
    assert.ok(!isDiscoverable(path.join(tmp, 'node_modules/x.yaml'), [tmp]));
    assert.ok(!isDiscoverable(path.join(tmp, 'infra/notes.md'), [tmp]));
    assert.ok(!isDiscoverable(path.join(os.tmpdir(), 'elsewhere.yaml'), [tmp]));
  });
});
