/**
 * The server cannot be knocked over: failing handlers are logged and answered, edit storms coalesce, nothing leaves the
 * process.
 */
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
      if (p.uri === uri && p.version !== undefined) published.push(p.version);
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

/** Content-Length framing of a body given as text (any text, JSON or not). */
function framed(body: string): Buffer {
  const b = Buffer.from(body, 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
}

/**
 * A broken frame never leaves the server alive but deaf: where the frame is intact the client gets a JSON-RPC error
 * and the server answers the next request; where the framing is lost the server says why on stderr and exits
 * non-zero, so the client restarts it. Either happens within a bounded time.
 */
describe('language server: broken frames over stdio', function () {
  this.timeout(60000);
  const STALL_MS = 1000;
  const BOUND_MS = STALL_MS + 5000;
  const CASES: { name: string; bytes: Buffer | string; exits?: RegExp; error?: number }[] = [
    {
      name: 'a non-numeric Content-Length',
      bytes: 'Content-Length: abc\r\n\r\n{"jsonrpc":"2.0","method":"x"}',
      exits: /Content-Length "abc" is not a byte count/,
    },
    { name: 'a negative Content-Length', bytes: 'Content-Length: -5\r\n\r\n{}', exits: /"-5" is not a byte count/ },
    {
      name: 'a huge Content-Length',
      bytes: 'Content-Length: 99999999999\r\n\r\n{"jsonrpc":"2.0"}',
      exits: /Content-Length 99999999999 is over the 268435456-byte limit/,
    },
    {
      name: 'no Content-Length header',
      bytes: 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}',
      exits: /no Content-Length header/,
    },
    {
      name: 'headers without the blank line that ends them',
      bytes: 'Content-Length: 30\r\n{"jsonrpc":"2.0","method":"x"}',
      exits: /malformed header line/,
    },
    {
      name: 'a body shorter than announced, then garbage',
      bytes: Buffer.concat([
        Buffer.from('Content-Length: 400\r\n\r\n{"jsonrpc":"2.0"}garbage'),
        Buffer.from([0, 0xff]),
      ]),
      exits: /a frame stayed incomplete for \d+ ms \(\d+ of 400 body bytes received\)/,
    },
    {
      name: 'binary garbage instead of headers',
      bytes: Buffer.from([0xff, 0xfe, 0, 1, 13, 10, 13, 10]),
      exits: /not ASCII/,
    },
    { name: 'a body that is not JSON', bytes: framed('{"jsonrpc":2'), error: -32700 },
    { name: 'a JSON body that is not a message', bytes: framed('[1, 2]'), error: -32600 },
    { name: 'an empty body', bytes: framed(''), error: -32700 },
  ];
  const hover = { textDocument: { uri: 'file:///virtual/none.yaml' }, position: { line: 0, character: 0 } };

  /** Sends the broken bytes, then a valid request: "answered", "exited <code>" or "alive and silent". */
  async function attack(client: LspClient, bytes: Buffer | string, bound: number): Promise<string> {
    client.writeRaw(bytes);
    const answered = client.request('textDocument/hover', hover, bound + 5000).then(
      () => 'answered',
      (e: Error) => `failed: ${e.message}`,
    );
    const exited = client.whenExited(bound).then(c => (c === undefined ? 'alive and silent' : `exited ${c}`));
    return Promise.race([answered, exited]);
  }

  for (const c of CASES) {
    const expected = c.exits ? 'logs why and exits non-zero' : `answers ${c.error} and serves the next request`;
    it(`${c.name}: ${expected}`, async () => {
      const client = new LspClient({ IRYO_GUARD_FRAME_TIMEOUT_MS: String(STALL_MS) });
      try {
        await client.initialize();
        const t0 = Date.now();
        const outcome = await attack(client, c.bytes, BOUND_MS);
        if (c.exits) {
          assert.strictEqual(outcome, 'exited 1', client.stderr.join(''));
          assert.match(client.stderr.join(''), c.exits);
          assert.match(client.stderr.join(''), /exiting so that it can restart the server/);
        } else {
          assert.strictEqual(outcome, 'answered');
          assert.deepStrictEqual(
            client.unmatched.map(e => e.code),
            [c.error],
          );
          assert.ok(!client.exited);
        }
        assert.ok(Date.now() - t0 < BOUND_MS, `took ${Date.now() - t0} ms`);
      } finally {
        await client.shutdown();
      }
    });
  }

  it('with the shipped timeout, a frame left incomplete ends the server after 10 s of silence', async function () {
    this.timeout(40000);
    const client = new LspClient();
    try {
      await client.initialize();
      const t0 = Date.now();
      const outcome = await attack(client, 'Content-Length: 400\r\n\r\n{"jsonrpc":', 20000);
      assert.strictEqual(outcome, 'exited 1');
      assert.ok(Date.now() - t0 >= 9000 && Date.now() - t0 < 20000, `took ${Date.now() - t0} ms`);
    } finally {
      await client.shutdown();
    }
  });

  it('a well-formed stream split at every byte is read as usual', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const bytes = framed(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'textDocument/didOpen',
          params: {
            textDocument: {
              uri: 'file:///virtual/split.yaml',
              languageId: 'yaml',
              version: 1,
              text: TEMPLATE,
            },
          },
        }),
      );
      for (const b of bytes) {
        client.writeRaw(Buffer.from([b]));
        await new Promise(r => setImmediate(r));
      }
      const diags = await client.waitForDiagnostics('file:///virtual/split.yaml', d => d.length > 0);
      assert.ok(diags.some(d => d.code === 's3-bucket-encryption'));
      assert.deepStrictEqual(client.unmatched, []);
    } finally {
      await client.shutdown();
    }
  });
});
