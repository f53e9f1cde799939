/**
 * The CLI on a hostile repository: every `iac:` entry that leads outside, to a device, a FIFO, the network or a huge
 * file is reported with its reason, nothing outside is opened (the read trap says what was), and nothing hangs.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, usesBundles } from '../../helpers';
import { forbiddenOpens, fsReport, Hostile, makeHostile, REASON_TEXT, SECRET_ID, SECRET_NAME } from '../../hostile';

const CLI = path.join(ROOT, 'dist/cli.js');
const TRAP = path.join(ROOT, 'test/lsp/read-trap.js');

function cli(args: string[], cwd: string) {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-r', TRAP, CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
    timeout: 20000,
  });
  const trap = fsReport(r.stderr);
  const err = r.stderr
    .split('\n')
    .filter(l => !l.startsWith('IRYO-FS '))
    .join('\n');
  return { code: r.status, out: r.stdout, err, ms: Date.now() - t0, ...trap };
}

describe('CLI: reading a hostile repository', function () {
  this.timeout(30000);
  let h: Hostile;
  before(function () {
    usesBundles(this);
    if (process.platform === 'win32') this.skip();
    h = makeHostile();
  });
  after(() => h && fs.rmSync(h.root, { recursive: true, force: true }));

  it('reports each refused iac entry with its reason, reads nothing outside, and finishes quickly', () => {
    const r = cli(['check', 'a.risk.yaml', '--format', 'json', '--lang', 'en'], h.ws);
    assert.strictEqual(r.err, '');
    const findings = JSON.parse(r.out).findings as {
      rule: string;
      message: string;
      range: { start: { line: number } };
    }[];
    const notRead = findings.filter(f => f.rule === 'risk-iac-not-read');
    assert.deepStrictEqual(
      notRead.map(f => f.message),
      h.entries.map(([e, why]) =>
        why === 'too-large'
          ? `iac entry ${e}: over the size limit (iryoGuard.maxFileSizeKB): not read`
          : `iac entry ${e}: ${REASON_TEXT[why].en}`,
      ),
    );
    // The outside template's resources never appear (no "did you mean SecretVaultBucket", no contradicted control).
    assert.ok(!r.out.includes(SECRET_ID) && !r.out.includes(SECRET_NAME), r.out);
    assert.deepStrictEqual(
      findings.filter(f => /risk-control-contradicted|risk-unknown-resource/.test(f.rule)),
      [],
    );
    assert.deepStrictEqual(forbiddenOpens(h, r.opened), []);
    // The 300 MB file: only its first bytes, to tell what it is.
    assert.ok((r.bytes.get(h.big) ?? 0) <= 64 * 1024, String(r.bytes.get(h.big)));
    assert.ok(r.ms < 60000, `${r.ms} ms`);
  });

  it('says the same in Japanese', () => {
    const r = cli(['check', 'a.risk.yaml', '--lang', 'ja'], h.ws);
    for (const [e, why] of h.entries) {
      const line = r.out.split('\n').find(l => l.includes(`iac の ${e}:`));
      assert.ok(line, e);
      assert.ok(line.includes(REASON_TEXT[why].ja), line);
    }
  });

  it('a file over the limit is never read whole: file-too-large from its first bytes, in well under a second', () => {
    const r = cli(['check', 'big.yaml', '--format', 'json'], h.ws);
    const j = JSON.parse(r.out);
    assert.deepStrictEqual(
      j.findings.map((f: { rule: string; message: string }) => [f.rule, f.message]),
      [
        [
          'file-too-large',
          'The file is 307200 KB, above the 2048 KB limit (iryoGuard.maxFileSizeKB), so it is not checked',
        ],
      ],
    );
    assert.ok((r.bytes.get(h.big) ?? 0) <= 64 * 1024, String(r.bytes.get(h.big)));
    assert.ok(r.ms < 30000, `${r.ms} ms (node start-up included; a bound against hanging, not a benchmark)`);
  });

  it('checking the whole folder skips the FIFO and the link out, and still reads nothing outside', () => {
    const r = cli(['check', '.', '--format', 'json'], h.ws);
    const files = new Set((JSON.parse(r.out).findings as { file: string }[]).map(f => f.file));
    assert.deepStrictEqual([...files].sort(), ['a.risk.yaml', 'big.yaml', 'cycle/b.risk.yaml', 'cycle/c.risk.yaml']);
    assert.deepStrictEqual(forbiddenOpens(h, r.opened), []);
  });

  it('a FIFO named on the command line is skipped with a message, never opened', () => {
    const r = cli(['check', 'fifo.yaml', 'a.risk.yaml'], h.ws);
    assert.match(r.err, /skipped fifo\.yaml: not a regular file/);
    assert.ok(!r.opened.includes(h.fifo));
  });

  it('risk files listing each other (directly, through a template name) are read a bounded number of times', () => {
    const r = cli(['check', 'cycle', '--format', 'json', '--lang', 'en'], h.ws);
    const j = JSON.parse(r.out) as { findings: { rule: string; file: string; message: string }[] };
    const notTemplate = j.findings.filter(f => f.rule === 'risk-iac-not-template').map(f => `${f.file}: ${f.message}`);
    assert.deepStrictEqual(notTemplate.sort(), [
      'cycle/b.risk.yaml: c.risk.yaml is neither a CloudFormation template nor a CDK file',
      'cycle/b.risk.yaml: via-template.yaml is neither a CloudFormation template nor a CDK file',
      'cycle/c.risk.yaml: b.risk.yaml is neither a CloudFormation template nor a CDK file',
    ]);
    assert.ok(!j.findings.some(f => f.rule === 'engine-error'), 'no recursion into a stack overflow');
    const opens = (name: string) => r.opened.filter(p => p.endsWith(`/cycle/${name}`)).length;
    // Each risk file: once checked, once looked up as the other's iac entry.
    assert.ok(opens('b.risk.yaml') <= 2 && opens('c.risk.yaml') <= 3, JSON.stringify(r.opened));
  });
});
