/** The server cannot be knocked over: failing handlers are logged and answered, edit storms coalesce, nothing leaves the process. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LspClient } from './client';

const ROOT = path.resolve(__dirname, '../../..');
const TEMPLATE = 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n';

describe('language server robustness', function () {
  this.timeout(30000);
  let client: LspClient;
  const logs: string[] = [];
  before(async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '50' }, ['-r', path.join(ROOT, 'test/lsp/no-side-effects.js')]);
    client.on('window/logMessage', p => logs.push(p.message));
    await client.initialize();
  });
  after(() => client.shutdown());

  it('a handler that throws is logged, answered, and the server keeps serving other files', async () => {
    const poisoned = 'file:///virtual/poisoned.yaml';
    client.open(poisoned, TEMPLATE);
    await client.waitForDiagnostics(poisoned, d => d.length > 0);
    const answer = await client.request('textDocument/codeAction', {
      textDocument: { uri: poisoned },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    assert.deepStrictEqual(answer, []);
    assert.ok(
      logs.some(l => /request on file:\/\/\/virtual\/poisoned\.yaml failed/.test(l)),
      logs.join('\n'),
    );
    const healthy = 'file:///virtual/healthy.yaml';
    client.open(healthy, TEMPLATE);
    const diags = await client.waitForDiagnostics(healthy, d => d.length > 0);
    assert.ok(diags.some(d => d.code === 's3-bucket-encryption'));
    assert.ok(!client.exited);
  });

  it('malformed requests get an answer, not a crash', async () => {
    assert.strictEqual(await client.request('textDocument/hover', {}), null);
    assert.deepStrictEqual(
      await client.request('textDocument/completion', {
        textDocument: { uri: 'file:///never/opened.yaml' },
        position: { line: 0, character: 0 },
      }),
      [],
    );
    assert.ok(!client.exited);
  });

  it('coalesces an edit storm to the latest version', async () => {
    const uri = 'file:///virtual/storm.yaml';
    const published: number[] = [];
    client.on('textDocument/publishDiagnostics', p => {
      if (p.uri === uri) published.push(p.version);
    });
    client.open(uri, TEMPLATE, 'yaml', 1);
    for (let v = 2; v <= 300; v++) client.change(uri, TEMPLATE + `# edit ${v}\n`, v);
    const deadline = Date.now() + 5000;
    while (!published.includes(300) && Date.now() < deadline) await new Promise(r => setTimeout(r, 20));
    assert.ok(published.includes(300), `latest version never published: ${published.join(',')}`);
    assert.ok(published.length < 20, `${published.length} publications for 300 edits`);
  });

  it('answers cancelled requests as cancelled', async () => {
    const uri = 'file:///virtual/poisoned.yaml';
    const outcome = await client
      .requestThenCancel('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 12 } })
      .then(
        () => 'answered',
        (e: Error & { code?: number }) => e.code,
      );
    assert.strictEqual(outcome, -32800);
  });

  it('never opens a network connection or starts a process, whatever it analyses', async () => {
    const risk = `file://${path.join(ROOT, 'samples/ehr.risk.yaml')}`;
    const cdk = `file://${path.join(ROOT, 'samples/cdk/lib/ehr-noncompliant-stack.ts')}`;
    client.open(risk, fs.readFileSync(new URL(risk), 'utf8'), 'iryo-risk');
    client.open(cdk, fs.readFileSync(new URL(cdk), 'utf8'), 'typescript');
    await client.waitForDiagnostics(risk);
    assert.ok((await client.waitForDiagnostics(cdk, d => d.length > 0)).length > 0, 'the CDK file was analysed');
    await client.request('textDocument/hover', { textDocument: { uri: cdk }, position: { line: 10, character: 10 } });
    await client.request('textDocument/completion', {
      textDocument: { uri: risk },
      position: { line: 12, character: 10 },
    });
    const violations = client.stderr
      .join('')
      .split('\n')
      .filter(l => l.startsWith('IRYO-VIOLATION'));
    assert.deepStrictEqual(violations, []);
  });

  it('the no-side-effects trap itself works', () => {
    const out = require('child_process').spawnSync(
      process.execPath,
      [
        '-r',
        path.join(ROOT, 'test/lsp/no-side-effects.js'),
        '-e',
        "require('http').get('http://127.0.0.1:9').on('error', () => {})",
      ],
      { encoding: 'utf8' },
    );
    assert.match(out.stderr, /IRYO-VIOLATION http\.get/);
    assert.ok(fs.existsSync(path.join(ROOT, 'dist/server.js')));
  });
});
