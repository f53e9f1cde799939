/** Editor features on templates: completion, hover, code lens, and the code actions the server offers. */
import * as assert from 'assert';
import { applyEdits, codeLensesFor, completionsAt, hoverAt } from '../../../server/src/engine';
import { codeActions } from '../../../server/src/lsp/codeActions';
import { catalog, context, open, run } from '../../helpers';
import { marked } from '../../markers';

// Cursors (see test/markers.ts): after the ignore comment's keyword, and at the empty SslPolicy value.
const MARKED = marked(`Resources:
  # iryo-guard-ignore<|>
  Api:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      SslPolicy: <|>
  ScansA:
    Type: AWS::S3::Bucket
  ScansB:
    Type: AWS::S3::Bucket
`);
const TEMPLATE = MARKED.text;
const [IGNORE_COMMENT, SSL_POLICY] = MARKED.cursors;

describe('template editor features', () => {
  const ctx = context();
  const a = run('editor.yaml', TEMPLATE);

  it('completes compliant SslPolicy values, TLS 1.3/1.2 first', () => {
    const items = completionsAt(a, SSL_POLICY, ctx);
    assert.strictEqual(items[0].label, 'ELBSecurityPolicy-TLS13-1-2-2021-06');
    assert.ok(items.every(i => !/2016-08|TLS-1-1/.test(i.label)));
  });

  it('completes rule IDs in an ignore comment', () => {
    const items = completionsAt(a, IGNORE_COMMENT, ctx);
    assert.ok(items.some(i => i.label === 's3-bucket-encryption' && i.detail === 'S3 bucket default encryption'));
  });

  it('hovers a flagged value with the rule explanation, over the whole value', () => {
    const m = marked(`Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      StorageEncrypted: [[f<|>alse]]
`);
    const b = run('editor2.yaml', m.text);
    const h = hoverAt(b, m.cursor, ctx);
    assert.ok(h, 'no hover');
    assert.match(h!.markdown, /rds-storage-encrypted/);
    assert.deepStrictEqual(h!.range, b.lines.range(m.range.start, m.range.end));
  });

  it('shows a code lens per resource with its findings and scenarios', () => {
    const lenses = codeLensesFor(a, ctx);
    assert.strictEqual(lenses.length, 3);
    const scans = lenses.find(l => l.range.start.line === 7)!;
    const n = open(a).filter(f => f.resource === 'ScansA').length;
    assert.match(scans.title, new RegExp(`^iryo-guard: ${n} findings · scenarios .*3\\.1①`));
  });

  it('offers "fix all" for a rule that fires more than once, producing a clean file for that rule', () => {
    const start = a.findings.find(f => f.rule === 's3-bucket-encryption' && f.resource === 'ScansA')!.range.start;
    const actions = codeActions(a, { start, end: start }, undefined, 'en', catalog);
    const all = actions.find(x => x.title === 'Fix all s3-bucket-encryption in this file');
    assert.ok(all, actions.map(x => x.title).join('\n'));
    const fixed = applyEdits(a.text, all!.edit!.changes![a.uri]);
    const after = run('editor.yaml', fixed);
    assert.deepStrictEqual(
      open(after).filter(f => f.rule === 's3-bucket-encryption'),
      [],
    );
    assert.ok(!after.findings.some(f => f.rule === 'syntax-error'));
  });

  it('"suppress" inserts an ignore comment with an empty reason for the author to write', () => {
    const f = a.findings.find(x => x.rule === 's3-bucket-encryption' && x.resource === 'ScansB')!;
    const act = codeActions(a, f.range, undefined, 'en', catalog).find(
      x => x.title === 'Suppress s3-bucket-encryption (write the reason)',
    )!;
    const fixed = applyEdits(a.text, act.edit!.changes![a.uri]);
    assert.match(fixed, /\n {2}# iryo-guard-ignore s3-bucket-encryption: \n {2}ScansB:/);
    const after = run('editor.yaml', fixed);
    assert.ok(
      open(after).some(x => x.rule === 'suppression-without-reason'),
      'until the author writes a reason it is reported',
    );
    assert.ok(open(after).some(x => x.rule === 's3-bucket-encryption' && x.resource === 'ScansB'));
  });

  it('"suppress" ends the comment with the file\'s own line break (CRLF files get CRLF)', () => {
    const crlf = run('editor-crlf.yaml', TEMPLATE.replace(/\n/g, '\r\n'));
    const f = crlf.findings.find(x => x.rule === 's3-bucket-encryption' && x.resource === 'ScansB')!;
    const act = codeActions(crlf, f.range, undefined, 'en', catalog).find(
      x => x.title === 'Suppress s3-bucket-encryption (write the reason)',
    )!;
    const fixed = applyEdits(crlf.text, act.edit!.changes![crlf.uri]);
    assert.match(fixed, /\r\n {2}# iryo-guard-ignore s3-bucket-encryption: \r\n {2}ScansB:\r\n/);
    assert.ok(!/[^\r]\n/.test(fixed), JSON.stringify(fixed));
  });

  it('answers in Japanese', () => {
    const ja = run('editor.yaml', TEMPLATE, { lang: 'ja' });
    assert.match(open(ja).find(f => f.rule === 's3-bucket-encryption')!.message, /既定の SSE-S3 でのみ暗号化/);
    const encryption = open(ja).find(f => f.rule === 's3-bucket-encryption')!;
    const titles = codeActions(ja, encryption.range, undefined, 'ja', catalog)
      .filter(x => x.diagnostics?.[0].code === 's3-bucket-encryption')
      .map(x => x.title);
    assert.strictEqual(titles[0], 'SSE-KMS による既定暗号化を追加');
  });
});
