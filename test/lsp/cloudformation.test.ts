/** The real server over stdio: diagnostics on open and on unsaved edits, hover, code actions, with exact ranges. */
import * as assert from 'assert';
import { marked, positionOf, rangeOf } from '../markers';
import type * as lsp from 'vscode-languageserver';
import { Hover, LspClient } from './client';

const URI = 'file:///virtual/ehr/storage.yaml';
// Markers (test/markers.ts): the ranges the server must answer with, and where the hovers are asked.
const MARKED = marked(`AWSTemplateFormatVersion: "2010-09-09"
# Patient images, scenario [[3.<|>13②]] applies
Resources:
  [[PatientImages]]:
    Type: [[AW<|>S::S3::Bucket]]
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`);
const TEMPLATE = MARKED.text;
const [SCENARIO, LOGICAL_ID, TYPE] = MARKED.ranges.map(r => rangeOf(TEMPLATE, r));
const [ON_SCENARIO, ON_TYPE] = MARKED.cursors.map(o => positionOf(TEMPLATE, o));

describe('language server over stdio: CloudFormation', function () {
  this.timeout(20000);
  let client: LspClient;
  before(async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '30' });
    const init = await client.initialize();
    assert.ok(init.capabilities.hoverProvider);
  });
  after(() => client.shutdown());

  it('publishes a diagnostic with the exact range of the logical ID', async () => {
    client.open(URI, TEMPLATE);
    const diags = await client.waitForDiagnostics(URI, d => d.length > 0);
    const enc = diags.find(d => d.code === 's3-bucket-encryption');
    assert.ok(enc, JSON.stringify(diags));
    assert.deepStrictEqual(enc.range, LOGICAL_ID);
    assert.strictEqual(enc.severity, 2); // warning: SSE-S3 is on by default, KMS is what is missing
    assert.strictEqual(enc.source, 'iryo-guard');
    assert.match(enc.message, /PatientImages is encrypted only with SSE-S3/);
    assert.match(enc.message, / \[3\.1①, 1\.8, 2\.2; MHLW 6\.0 Mgmt 15③, Sys 7③\]$/);
  });

  it('re-checks the unsaved buffer on change', async () => {
    const broken = TEMPLATE.replace('RestrictPublicBuckets: true', 'RestrictPublicBuckets: [true');
    client.change(URI, broken, 2);
    const diags = await client.waitForDiagnostics(URI, d => d.some(x => x.code === 'syntax-error'));
    assert.strictEqual(diags.length, 1, JSON.stringify(diags));
    assert.deepStrictEqual(diags[0].range.start, { line: 10, character: 31 });
    assert.match(diags[0].message, /this \[ is never closed/);
    client.change(URI, TEMPLATE, 3);
    await client.waitForDiagnostics(URI, d => d.some(x => x.code === 's3-bucket-encryption'));
  });

  it('hovers a resource type with the service and the findings on it', async () => {
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: ON_TYPE,
    });
    assert.deepStrictEqual(h.range, TYPE);
    assert.match(h.contents.value, /Amazon S3/);
    assert.match(h.contents.value, /s3-bucket-encryption/);
  });

  it('hovers a scenario ID in a comment', async () => {
    const h = await client.request<Hover>('textDocument/hover', {
      textDocument: { uri: URI },
      position: ON_SCENARIO,
    });
    assert.deepStrictEqual(h.range, SCENARIO);
    assert.match(h.contents.value, /\*\*3\.13②\*\*/);
  });

  it('offers a quick fix that inserts BucketEncryption', async () => {
    const actions = await client.request<lsp.CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } },
      context: { diagnostics: [] },
    });
    const fix = actions.find(a => a.title === 'Add default SSE-KMS encryption');
    assert.ok(fix, JSON.stringify(actions.map(a => a.title)));
    assert.strictEqual(fix.kind, 'quickfix');
    const edit = fix.edit?.changes?.[URI][0];
    assert.ok(edit, JSON.stringify(fix.edit));
    assert.match(
      edit.newText,
      /BucketEncryption:\n\s+ServerSideEncryptionConfiguration:\n\s+- ServerSideEncryptionByDefault:\n\s+SSEAlgorithm: aws:kms/,
    );
    assert.ok(actions.some(a => a.title === 'Suppress s3-bucket-encryption (write the reason)'));
  });

  it('answers in Japanese when the client locale is ja', async () => {
    const ja = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '30' });
    try {
      await ja.initialize({ locale: 'ja' });
      ja.open(URI, TEMPLATE);
      const diags = await ja.waitForDiagnostics(URI, d => d.length > 0);
      assert.match(diags.find(d => d.code === 's3-bucket-encryption')?.message ?? '', /既定の SSE-S3 でのみ暗号化/);
    } finally {
      await ja.shutdown();
    }
  });

  it('ignores YAML that is not a template', async () => {
    const uri = 'file:///virtual/.github/workflows/ci.yml';
    client.open(uri, 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    const diags = await client.waitForDiagnostics(uri);
    assert.deepStrictEqual(diags, []);
  });
});
