/**
 * Property: every fix offered on every fixture, sample and fuzzed-but-parseable input satisfies the fix-safety oracle
 * (test/oracles/fix-safety.ts): applied alone it yields a document that still parses, no longer has that finding,
 * gains no other finding, differs from the original only inside the edit's range, and writes the file's own line
 * ending — each fixture and sample is also checked re-encoded with CRLF line breaks.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run } from '../../helpers';
import { assertSafeFixes } from '../../oracles/fix-safety';
import { mutants } from './mutate';

function inputs(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ya?ml|json|ts)$/.test(e.name) && !e.name.startsWith('expect'))
        out.push({ name: e.name, text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'test/fixtures'));
  walk(path.join(ROOT, 'samples'));
  return out;
}

describe('quick fixes are safe', function () {
  this.timeout(0);
  it('on every fixture and sample', () => {
    let applied = 0;
    for (const i of inputs()) {
      applied += assertSafeFixes(run(`fixsafety/${i.name}`, i.text)).length;
    }
    assert.ok(applied > 50, `only ${applied} fixes were exercised`);
  });

  it('on every fixture and sample re-encoded with CRLF line breaks', () => {
    let applied = 0;
    for (const i of inputs()) {
      const crlf = i.text.replace(/\r?\n/g, '\r\n');
      const fixes = assertSafeFixes(run(`fixsafety-crlf/${i.name}`, crlf));
      for (const f of fixes) assert.ok(!/(^|[^\r])\n/.test(f.text), `${i.name}: "${f.title}" leaves a bare LF`);
      applied += fixes.length;
    }
    assert.ok(applied > 50, `only ${applied} fixes were exercised`);
  });

  it('on fuzzed inputs that still parse', () => {
    let applied = 0,
      parseable = 0;
    for (const m of mutants(
      inputs().filter(i => !/\.ts$/.test(i.name)),
      600,
      7,
    )) {
      const a = run(`fixfuzz/${m.name}`, m.text);
      if (a.kind === 'none' || a.findings.some(f => f.rule === 'syntax-error')) continue;
      parseable++;
      try {
        applied += assertSafeFixes(a).length;
      } catch (e) {
        (e as Error).message = `${m.how} on ${m.name}: ${(e as Error).message}`;
        throw e;
      }
    }
    assert.ok(parseable > 100 && applied > 50, `${parseable} parseable inputs, ${applied} fixes`);
  });
});
