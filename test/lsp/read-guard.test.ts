/**
 * The language server on a hostile workspace: the risk file's `iac:` entries that lead outside, to a device, a FIFO,
 * the network or a huge file get a clear diagnostic; nothing outside is opened (the read trap preloaded into the
 * server says what was), even when the file outside is open in the editor; linked risk files do not recurse.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../helpers';
import { forbiddenOpens, fsReport, Hostile, makeHostile, REASON_TEXT, SECRET_ID, SECRET_NAME } from '../hostile';
import { fileUri, LspClient } from './client';

const TRAP = path.join(ROOT, 'test/lsp/read-trap.js');
interface Diag {
  code?: string;
  message: string;
  range: { start: { line: number } };
}
const notRead = (ds: Diag[]) => ds.filter(d => d.code === 'risk-iac-not-read');

describe('LSP: reading a hostile workspace', function () {
  this.timeout(30000);
  let h: Hostile;
  let client: LspClient;
  let riskUri: string;
  const trap = () => fsReport(client.stderr.join(''));

  before(async function () {
    if (process.platform === 'win32') this.skip();
    h = makeHostile();
    riskUri = fileUri(path.join(h.ws, 'a.risk.yaml'));
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' }, ['-r', TRAP]);
    await client.initialize({ rootUri: fileUri(h.ws), locale: 'en' });
  });
  after(async () => {
    await client?.shutdown();
    if (h) fs.rmSync(h.root, { recursive: true, force: true });
  });

  it('a closed risk file (found by the workspace index) gets the reason for every refused entry', async () => {
    const ds = await client.waitForDiagnostics(riskUri, d => notRead(d).length === h.entries.length);
    assert.deepStrictEqual(
      notRead(ds).map(d => d.message),
      h.entries.map(([e, why]) =>
        why === 'too-large'
          ? `iac entry ${e}: over the size limit (iryoGuard.maxFileSizeKB): not read`
          : `iac entry ${e}: ${REASON_TEXT[why].en}`,
      ),
    );
    assert.deepStrictEqual(
      notRead(ds).map(d => d.range.start.line),
      h.entries.map((_, i) => 5 + i),
    );
  });

  it('the open risk file says the same, and hover and definition on a refused entry show nothing of it', async () => {
    const text = fs.readFileSync(path.join(h.ws, 'a.risk.yaml'), 'utf8');
    client.diagnostics.delete(riskUri);
    client.open(riskUri, text, 'iryo-risk');
    const ds = await client.waitForDiagnostics(riskUri, d => notRead(d).length === h.entries.length);
    const line = text.split('\n').findIndex(l => l.includes('link-out.yaml'));
    const position = { line, character: 10 };
    const hover = await client.request('textDocument/hover', { textDocument: { uri: riskUri }, position });
    const def = await client.request('textDocument/definition', { textDocument: { uri: riskUri }, position });
    assert.strictEqual(hover, null);
    assert.deepStrictEqual(def, []);
    const all = JSON.stringify(ds);
    assert.ok(!all.includes(SECRET_ID) && !all.includes(SECRET_NAME), all);
  });

  it('a file outside that is open in the editor is still not read through a link', async () => {
    const secretUri = fileUri(h.secret);
    client.open(secretUri, fs.readFileSync(h.secret, 'utf8'));
    // Its own diagnostics are the editor's business (the user opened it); the risk file must not use it.
    await client.waitForDiagnostics(secretUri, d => d.length > 0);
    const text = fs.readFileSync(path.join(h.ws, 'a.risk.yaml'), 'utf8');
    client.diagnostics.delete(riskUri);
    client.change(riskUri, text + '\n', 2);
    const ds = await client.waitForDiagnostics(riskUri, d => notRead(d).length === h.entries.length);
    const all = JSON.stringify(ds);
    assert.ok(!all.includes(SECRET_ID) && !all.includes(SECRET_NAME), all);
    assert.ok(!ds.some(d => d.code === 'risk-control-contradicted' || d.code === 'risk-unknown-resource'));
  });

  it('risk files listing each other are checked without recursing', async () => {
    const b = await client.waitForDiagnostics(fileUri(path.join(h.ws, 'cycle', 'b.risk.yaml')), d =>
      d.some(x => x.code === 'risk-iac-not-template'),
    );
    assert.deepStrictEqual(
      b
        .filter(d => d.code === 'risk-iac-not-template')
        .map(d => d.message)
        .sort(),
      [
        'c.risk.yaml is neither a CloudFormation template nor a CDK file',
        'via-template.yaml is neither a CloudFormation template nor a CDK file',
      ],
    );
    assert.ok(!b.some(d => d.code === 'engine-error'));
    const opens = trap().opened.filter(p => p.includes(`${path.sep}cycle${path.sep}`));
    assert.ok(opens.length <= 8, JSON.stringify(opens));
  });

  it('check workspace reports the 300 MB file as too large from its first bytes, quickly', async () => {
    const t0 = Date.now();
    const r = await client.request<{ files: number }>('workspace/executeCommand', {
      command: 'iryoGuard.server.checkWorkspace',
    });
    assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
    assert.ok(r.files >= 4, JSON.stringify(r));
    const big = await client.waitForDiagnostics(fileUri(h.big), d => d.length > 0);
    assert.deepStrictEqual(
      big.map(d => d.code),
      ['file-too-large'],
    );
    assert.match(big[0].message, /307200 KB/);
  });

  it('nothing outside the workspace, no device and no FIFO was opened; the big file only by its head', async () => {
    // Still serving: nothing hung.
    await client.request('textDocument/documentSymbol', { textDocument: { uri: riskUri } });
    const { opened, bytes } = trap();
    assert.ok(
      opened.some(p => p.endsWith('a.risk.yaml')),
      'the trap sees the server read',
    );
    assert.deepStrictEqual(
      forbiddenOpens(h, opened).filter(p => p !== h.secret),
      [],
    );
    // The one open of the outside file is none: the editor sent its text, the server never read it from disk.
    assert.ok(!opened.includes(h.secret));
    assert.ok((bytes.get(h.big) ?? 0) <= 64 * 1024 * 2, String(bytes.get(h.big)));
    for (const [uri, ds] of client.diagnostics) {
      if (uri === fileUri(h.secret)) continue;
      const s = JSON.stringify(ds);
      assert.ok(!s.includes(SECRET_ID) && !s.includes(SECRET_NAME), `${uri}: ${s}`);
    }
  });
});

describe('LSP: refused reads in Japanese', function () {
  this.timeout(30000);
  let h: Hostile;
  let client: LspClient;
  before(async function () {
    if (process.platform === 'win32') this.skip();
    h = makeHostile();
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' });
    await client.initialize({ rootUri: fileUri(h.ws), locale: 'ja' });
  });
  after(async () => {
    await client?.shutdown();
    if (h) fs.rmSync(h.root, { recursive: true, force: true });
  });

  it('names each entry and its reason in Japanese', async () => {
    const uri = fileUri(path.join(h.ws, 'a.risk.yaml'));
    const ds = notRead(await client.waitForDiagnostics(uri, d => notRead(d).length === h.entries.length));
    h.entries.forEach(([e, why], i) => {
      assert.ok(ds[i].message.startsWith(`iac の ${e}: `), ds[i].message);
      assert.ok(ds[i].message.includes(REASON_TEXT[why].ja), ds[i].message);
    });
  });
});

describe('LSP: what may be read follows the workspace folders', function () {
  this.timeout(30000);
  let h: Hostile;
  let client: LspClient;
  const TEMPLATE = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Docs:\n    Type: AWS::S3::Bucket\n';
  const risk = (iac: string[]) =>
    `assessment:\n  id: x\n  guideline: metimic-1.1\n  acceptance: C\n  iac: [${iac.join(', ')}]\nrisks: []\n`;

  before(function () {
    if (process.platform === 'win32') this.skip();
    h = makeHostile();
    fs.writeFileSync(path.join(h.ws, 'tpl.yaml'), TEMPLATE);
    fs.mkdirSync(path.join(h.ws, 'team'));
    fs.writeFileSync(path.join(h.ws, 'team', 'x.risk.yaml'), risk(['../tpl.yaml']));
  });
  afterEach(async () => client?.shutdown());
  after(() => h && fs.rmSync(h.root, { recursive: true, force: true }));

  it('without workspace folders, the open file’s project (here its folder) is readable, nothing beyond', async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' });
    await client.initialize({ locale: 'en' });
    const uri = fileUri(path.join(h.ws, 'lone.risk.yaml'));
    client.open(uri, risk(['tpl.yaml', 'link-out.yaml', '../outside/secret.yaml']), 'iryo-risk');
    const ds = await client.waitForDiagnostics(uri, d => notRead(d).length === 2);
    assert.deepStrictEqual(
      notRead(ds).map(d => d.message),
      [
        'iac entry link-out.yaml: outside the workspace: not read',
        'iac entry ../outside/secret.yaml: outside the workspace: not read',
      ],
    );
    assert.ok(!ds.some(d => d.code === 'risk-iac-missing'), 'the sibling template is read');
  });

  it('a folder added to the workspace becomes readable; the risk files are checked again', async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' });
    await client.request('initialize', {
      processId: process.pid,
      rootUri: null,
      locale: 'en',
      workspaceFolders: [{ uri: fileUri(path.join(h.ws, 'team')), name: 'team' }],
      capabilities: { workspace: { workspaceFolders: true } },
      initializationOptions: { settings: {} },
    });
    client.notify('initialized', {});
    const uri = fileUri(path.join(h.ws, 'team', 'x.risk.yaml'));
    const before = await client.waitForDiagnostics(uri, d => notRead(d).length === 1);
    assert.strictEqual(notRead(before)[0].message, 'iac entry ../tpl.yaml: outside the workspace: not read');
    client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: fileUri(h.ws), name: 'ws' }], removed: [] },
    });
    const after = await client.waitForDiagnostics(uri, d => notRead(d).length === 0);
    assert.ok(!after.some(d => d.code === 'risk-iac-missing'));
    // The index walked the added folder: its risk files are published.
    const other = fileUri(path.join(h.ws, 'a.risk.yaml'));
    await client.waitForDiagnostics(other, d => d.length > 0);
    // Removed again: the risk file (still in its own folder) is refused the template again.
    client.notify('workspace/didChangeWorkspaceFolders', {
      event: { added: [], removed: [{ uri: fileUri(h.ws), name: 'ws' }] },
    });
    await client.waitForDiagnostics(uri, d => notRead(d).length === 1);
    // A risk file only the removed folder held has its diagnostics cleared.
    await client.waitForDiagnostics(other, d => d.length === 0);
  });
});
