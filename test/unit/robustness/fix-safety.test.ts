/**
 * Property: every fix offered on every fixture, sample and fuzzed-but-parseable input, applied alone, yields a document
 * that still parses, no longer has that finding, gains no other finding, and differs from the original only inside the
 * edit's range.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../server/src/engine';
import { assertEditsOnlyInside, Checked, findingKey, open, ROOT, run, TestFinding } from '../../helpers';
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

function checkFixes(name: string, a: Checked, rerun: (t: string) => Checked): number {
  let applied = 0;
  const before = open(a).map(findingKey);
  const count = (xs: string[], k: string) => xs.filter(x => x === k).length;
  for (const f of open(a).filter((x: TestFinding) => x.fixes?.length && x.rule !== 'suppression-without-reason')) {
    for (const fix of f.fixes!) {
      const edits = fix.edit[a.uri] ?? [];
      const fixed = applyEdits(a.text, edits);
      assertEditsOnlyInside(a.text, fixed, edits);
      const b = rerun(fixed);
      assert.ok(!b.findings.some(x => x.rule === 'syntax-error'), `${name}: "${fix.title}" broke the syntax`);
      const after = open(b).map(findingKey);
      assert.ok(
        count(after, findingKey(f)) < count(before, findingKey(f)),
        `${name}: "${fix.title}" left ${findingKey(f)}`,
      );
      const added = after.filter(k => count(after, k) > count(before, k));
      assert.deepStrictEqual([...new Set(added)], [], `${name}: "${fix.title}" added findings`);
      applied++;
    }
  }
  return applied;
}

describe('quick fixes are safe', function () {
  this.timeout(0);
  it('on every fixture and sample', () => {
    let applied = 0;
    for (const i of inputs()) {
      const a = run(`fixsafety/${i.name}`, i.text);
      applied += checkFixes(i.name, a, t => run(`fixsafety/${i.name}`, t));
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
      applied += checkFixes(`${m.how} on ${m.name}`, a, t => run(`fixfuzz/${m.name}`, t));
    }
    assert.ok(parseable > 100 && applied > 50, `${parseable} parseable inputs, ${applied} fixes`);
  });
});
