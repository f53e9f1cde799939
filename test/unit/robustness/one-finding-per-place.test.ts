/** No two findings share a rule and a range, on any input we have: fixtures, samples, e2e workspaces, a corpus. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, Finding } from '../../../server/src/engine';
import { generateCorpus, largeTemplate } from '../../../bench/corpus';
import { context, ROOT, uriOf } from '../../helpers';
import { mutants } from './mutate';

function files(dir: string, out: { name: string; text: string }[] = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') files(p, out);
    else if (/\.(ya?ml|json|template|ts)$/.test(e.name))
      out.push({ name: path.relative(ROOT, p), text: fs.readFileSync(p, 'utf8') });
  }
  return out;
}

function duplicates(findings: Finding[]): string[] {
  const seen = new Map<string, number>();
  for (const f of findings) {
    const k = `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

describe('one finding per place', function () {
  this.timeout(0);
  const inputs = [
    ...['test/fixtures', 'samples', 'test/e2e/workspaces'].flatMap(d => files(path.join(ROOT, d))),
    ...generateCorpus(300).map(t => ({ name: `corpus/${t.name}`, text: t.text })),
    { name: 'large.yaml', text: largeTemplate(3000) },
  ];

  it('no two findings with the same rule and range on any fixture, sample, workspace or generated template', () => {
    const ctx = context();
    const problems: string[] = [];
    let findings = 0;
    for (const i of inputs) {
      const a = analyze(uriOf(i.name), i.text, ctx);
      findings += a.findings.length;
      for (const d of duplicates(a.findings)) problems.push(`${i.name}: ${d}`);
    }
    assert.deepStrictEqual(problems, []);
    assert.ok(findings > 1000, `only ${findings} findings were looked at`);
  });

  it('nor on mutated templates', () => {
    const ctx = context();
    const problems: string[] = [];
    const seeds = inputs.filter(i => /\.(ya?ml|json)$/.test(i.name)).slice(0, 60);
    for (const m of mutants(seeds, 400, 7)) {
      const a = analyze(uriOf(`fuzz/${m.name}`), m.text, ctx);
      for (const d of duplicates(a.findings)) problems.push(`${m.how} on ${m.name}: ${d}`);
    }
    assert.deepStrictEqual(problems, []);
  });
});
