/**
 * 500 generated templates of real-world shapes through the built CLI: no crash, never exit 2, compliant shapes stay
 * valid.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateCorpus } from '../../../bench/corpus';
import { ROOT, usesBundles } from '../../helpers';

describe('generated corpus', function () {
  this.timeout(60000);
  it('iryo-guard check handles 500 varied templates without crashing or a usage error', function () {
    usesBundles(this);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-corpus-'));
    for (const t of generateCorpus(500)) fs.writeFileSync(path.join(dir, t.name), t.text);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', dir, '--format', 'json'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const j = JSON.parse(r.stdout);
    assert.strictEqual(j.files, 500);
    const bad = j.findings.filter((f: { rule: string }) => f.rule === 'syntax-error' || f.rule === 'engine-error');
    assert.deepStrictEqual(bad, []);
    assert.ok(j.findings.length > 500, 'the non-compliant shapes raise findings');
  });
});
