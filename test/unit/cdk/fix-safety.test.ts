/**
 * Property: every fix offered on every CDK source among the samples and fixtures, and on mutated CDK sources that still
 * parse, leaves TypeScript without syntax errors, removes its finding, adds none and edits only its own range.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, run } from '../../helpers';
import { mutants } from '../robustness/mutate';
import { checkFixes, parseErrors } from './helpers';

function cdkSources(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        if (run(e.name, text).kind === 'cdk') out.push({ name: e.name, text });
      }
    }
  };
  walk(path.join(ROOT, 'samples'));
  walk(path.join(ROOT, 'test/fixtures'));
  return out;
}

describe('CDK quick fixes are safe', function () {
  this.timeout(0);
  it('on every CDK sample and fixture', () => {
    const sources = cdkSources();
    assert.ok(sources.length >= 6, `${sources.length} sources`);
    let applied = 0;
    for (const s of sources) applied += checkFixes(s.name, s.text).length;
    assert.ok(applied > 40, `only ${applied} fixes were exercised`);
  });

  it('on mutated CDK sources that still parse', () => {
    let parseable = 0,
      applied = 0;
    for (const m of mutants(cdkSources(), 300, 11)) {
      if (parseErrors(m.text).length || run(m.name, m.text).kind !== 'cdk') continue;
      parseable++;
      applied += checkFixes(`${m.how} on ${m.name}`, m.text).length;
    }
    assert.ok(parseable > 50 && applied > 200, `${parseable} parseable mutants, ${applied} fixes`);
  });
});
