/**
 * Protocol tests over stdio: a risk file in the real server (diagnostics, completion, hover, definition, symbols, code
 * lens).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type * as lsp from 'vscode-languageserver';
import { fileUri, Hover, LspClient } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const RISK = path.join(ROOT, 'samples/ehr.risk.yaml');
const TEMPLATE = path.join(ROOT, 'samples/ehr-platform.yaml');
const text = fs.readFileSync(RISK, 'utf8');
const uri = fileUri(RISK);

/** LSP position of the n-th occurrence of `needle`, shifted by `delta` characters. */
function pos(needle: string, delta = 0, n = 0) {
  let i = -1;
  for (let k = 0; k <= n; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('LSP: risk files over stdio', function () {
  this.timeout(20000);
  let client: LspClient;

  before(async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '20' });
    const init = await client.initialize({ rootUri: fileUri(ROOT) });
    assert.ok(init.capabilities.completionProvider);
    client.open(uri, text, 'iryo-risk');
  });
  after(async () => {
    await client.shutdown();
  });

  it('publishes no diagnostics for the EHR sample (its template is read from disk)', async () => {
    assert.deepStrictEqual(await client.waitForDiagnostics(uri), []);
  });

  it("completion: scenario IDs of the risk's threat ranked first, with exact replace range", async () => {
    const p = pos('"3.13①"', 1);
    // What the server sends for a scenario ID: a sort key, a plain replace edit and Markdown documentation.
    type Item = lsp.CompletionItem & { sortText: string; textEdit: lsp.TextEdit; documentation: lsp.MarkupContent };
    const res = await client.request<Item[] | { items: Item[] }>('textDocument/completion', {
      textDocument: { uri },
      position: p,
    });
    const items = Array.isArray(res) ? res : res.items;
    const first = [...items].sort((x, y) => x.sortText.localeCompare(y.sortText))[0];
    assert.ok(['3.8②', '3.8③', '3.8④', '1.12', '3.13①', '3.13②', '3.15①'].includes(first.label), first.label);
    const item = items.find(i => i.label === '3.13①');
    assert.ok(item, JSON.stringify(items.map(i => i.label)));
    assert.deepStrictEqual(item.textEdit.range, { start: p, end: p });
    assert.strictEqual(item.kind, 21); // Constant
    assert.ok(item.documentation.value.includes('通信経路上の弱い暗号'));
  });

  it('hover on level shows the matrix cell', async () => {
    const p = pos('level: A', 7, 1);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: p });
    assert.match(h.contents.value, /Risk level A\*\* \(High\) — impact 5 × likelihood 3 = 15/);
    assert.deepStrictEqual(h.range, { start: p, end: { line: p.line, character: p.character + 1 } });
  });

  it('hover on a 5.2 guideline item shows its 6.0 counterparts; a quick fix adds them beside it', async () => {
    const p = pos('"6.3 C3"', 2);
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: p });
    assert.match(h.contents.value, /^\*\*6\.3 C3\*\* — Guideline item \(MHLW 5\.2 6\.3 C3\)/);
    assert.match(h.contents.value, /- Kind: C: minimum guideline/);
    assert.match(h.contents.value, /- In edition 6\.0 \(MHLW 6\.0\):\n {2}- MHLW 6\.0 Mgmt 4 /);
    const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: p, end: p },
      context: { diagnostics: [] },
    });
    const add = actions.find(x => x.title === 'Add the edition 6.0 counterparts 企4, シス14①, シス14④ beside 6.3 C3');
    assert.ok(add, actions.map(x => x.title).join('\n'));
    assert.strictEqual(add.kind, 'quickfix');
    assert.deepStrictEqual(add.edit?.changes?.[uri], [
      { range: { start: pos('"6.3 C3"', 8), end: pos('"6.3 C3"', 8) }, newText: ', 企4, シス14①, シス14④' },
    ]);
    assert.ok(actions.some(x => x.title === 'Replace 6.3 C3 with its edition 6.0 counterparts 企4, シス14①, シス14④'));
  });

  it('completion in guidelines offers 6.0 items in the form auditors write, with their edition', async () => {
    const p = pos('"6.3 C3"', 1);
    const res = await client.request<lsp.CompletionItem[] | lsp.CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: p,
    });
    const items = Array.isArray(res) ? res : res.items;
    const sys = items.find(i => i.label === 'シス14②');
    assert.ok(sys, 'シス14② offered');
    assert.strictEqual(sys.detail, 'MHLW 6.0 Sys 14② Keeping IDs and passwords secret');
    assert.ok(items.some(i => i.label === '6.3 C3' && i.detail?.startsWith('MHLW 5.2 6.3 C3')));
  });

  it('definition: flow reference → flow; claimed resource → template', async () => {
    const flow = await client.request('textDocument/definition', {
      textDocument: { uri },
      position: pos('flow: F3', 6),
    });
    assert.deepStrictEqual(flow, [{ uri, range: { start: pos('id: F3', 4), end: pos('id: F3', 6) } }]);
    const res = await client.request<lsp.Location[]>('textDocument/definition', {
      textDocument: { uri },
      position: pos('[PatientDocuments', 3),
    });
    assert.strictEqual(res[0].uri, fileUri(TEMPLATE));
    const line = fs.readFileSync(TEMPLATE, 'utf8').split('\n')[res[0].range.start.line];
    assert.strictEqual(line, '  PatientDocuments:');
  });

  it('document symbols: flows and risks with their controls', async () => {
    const syms = await client.request<lsp.DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.strictEqual(syms[0].name, 'ehr-cloud');
    assert.deepStrictEqual(
      syms.filter(s => s.kind === 24).map(s => s.name),
      ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'],
    ); // Event
    const r01 = syms.find(s => s.name === 'R01');
    assert.ok(r01, JSON.stringify(syms.map(s => s.name)));
    assert.deepStrictEqual(
      r01.children?.map(c => c.name),
      ['R01-C1', 'R01-C2'],
    );
    assert.deepStrictEqual(r01.selectionRange, { start: pos('id: R01', 4), end: pos('id: R01', 7) });
  });

  it('code lens on assessment', async () => {
    type Lens = { range: lsp.Range; command: lsp.Command };
    const lenses = await client.request<Lens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepStrictEqual(
      lenses.map(l => [l.range.start.line, l.command.title, l.command.command]),
      [
        [pos('assessment:').line, '86 / 86 minimum scenarios covered, 0 open IaC findings', ''],
        [pos('assessment:').line, 'Show report', 'iryoGuard.openCoverageReport'],
        [pos('assessment:').line, 'Draft disclosure', 'iryoGuard.openDisclosure'],
      ],
    );
    assert.deepStrictEqual(lenses[1].command.arguments, [uri]);
  });

  it('the report request returns the HTML report with both heat maps (what the webview shows)', async () => {
    const report: { title: string; html: string } = await client.request('workspace/executeCommand', {
      command: 'iryoGuard.server.coverageReport',
      arguments: [uri],
    });
    assert.ok(report.html.startsWith('<!DOCTYPE html>'));
    assert.strictEqual(report.title, 'Report: ehr.risk.yaml');
    assert.strictEqual((report.html.match(/<svg /g) ?? []).length, 2);
    const other = await client.request('workspace/executeCommand', {
      command: 'iryoGuard.server.coverageReport',
      arguments: [fileUri(TEMPLATE)],
    });
    assert.deepStrictEqual(other, { message: 'Open a *.risk.yaml file to see its coverage report' });
  });

  it('the disclosure request returns the draft as Markdown (what the Markdown preview shows)', async () => {
    const d: { title: string; markdown: string; fileName: string } = await client.request('workspace/executeCommand', {
      command: 'iryoGuard.server.disclosure',
      arguments: [uri],
    });
    assert.strictEqual(d.title, 'Service specification conformity disclosure (draft): ehr.risk.yaml');
    assert.strictEqual(d.fileName, 'ehr.disclosure.md');
    assert.ok(
      d.markdown.startsWith('# Service specification conformity disclosure (draft): 電子カルテ クラウドサービス\n'),
    );
    assert.match(
      d.markdown,
      /^> \*\*DRAFT\*\* — This is a draft made by iryo-guard from the risk file ehr\.risk\.yaml/m,
    );
    assert.match(d.markdown, /\| 3\.13② [^|]+ \| Service provider \| Reduce \| [^|]*KMS/);
    assert.match(d.markdown, /## Technical facts \(as the linked templates state them\)\n\n### Regions\n/);
    const other = await client.request('workspace/executeCommand', {
      command: 'iryoGuard.server.disclosure',
      arguments: [fileUri(TEMPLATE)],
    });
    assert.deepStrictEqual(other, { message: 'Open a *.risk.yaml file to draft its disclosure' });
  });

  it('an edit to the linked template re-checks the risk file; related information points at the template', async () => {
    const tplUri = fileUri(TEMPLATE);
    const tpl = fs.readFileSync(TEMPLATE, 'utf8');
    const broken = tpl.replace(
      / {2}PatientDocuments:\n {4}Type: AWS::S3::Bucket\n {4}Properties:\n {6}BucketEncryption:\n[\s\S]*?BucketKeyEnabled: true\n/,
      '  PatientDocuments:\n    Type: AWS::S3::Bucket\n    Properties:\n',
    );
    assert.notStrictEqual(broken, tpl);
    client.open(tplUri, tpl, 'yaml');
    await client.waitForDiagnostics(tplUri);
    client.change(tplUri, broken, 2);
    const diags = await client.waitForDiagnostics(uri, d => d.some(x => x.code === 'risk-control-contradicted'));
    const d = diags.find(x => x.code === 'risk-control-contradicted');
    assert.ok(d, JSON.stringify(diags));
    assert.match(
      d.message,
      /claims rule s3-bucket-encryption, but it fires on PatientDocuments \(ehr-platform\.yaml:\d+\)/,
    );
    assert.strictEqual(d.relatedInformation?.[0].location.uri, tplUri);
    client.change(tplUri, tpl, 3);
    assert.deepStrictEqual(await client.waitForDiagnostics(uri, x => x.length === 0), []);
  });
});
