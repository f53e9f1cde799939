/**
 * Seeded mutation fuzzing of everything the engine reads (templates, risk files, CDK sources): analysis never throws,
 * never hangs, and every range it returns lies inside the document. IRYO_FUZZ_CASES raises the count, IRYO_FUZZ_SEED
 * changes it.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateCorpus } from '../../../bench/corpus';
import { analyze, codeLensesFor, completionsAt, hoverAt, LineIndex, Range } from '../../../server/src/engine';
import { context, fixesOf, ROOT, uriOf } from '../../helpers';
import { mutants } from './mutate';

const CASES = Number(process.env.IRYO_FUZZ_CASES ?? 5000);
const SEED = Number(process.env.IRYO_FUZZ_SEED ?? 20261123);
// A hang guard, not a speed measure (bench/ measures speed): a loaded machine can take seconds on one case.
const PER_CASE_MS = 10000;

function seeds(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') walk(p);
      else if (/\.(ya?ml|json|ts)$/.test(e.name) && fs.statSync(p).size < 200_000)
        out.push({ name: e.name, text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(ROOT, 'samples'));
  walk(path.join(ROOT, 'test/fixtures'));
  return [...out, ...generateCorpus(40, SEED)];
}

function inside(r: Range, idx: LineIndex, what: string) {
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < idx.lineCount, `${what}: line ${p.line} outside 0..${idx.lineCount - 1}`);
    assert.ok(
      p.character >= 0 && p.character <= idx.lineText(p.line).length,
      `${what}: character ${p.character} beyond line ${p.line}`,
    );
  }
  assert.ok(
    r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character),
    `${what}: range ends before it starts`,
  );
}

describe(`fuzzing (${CASES} cases, seed ${SEED})`, function () {
  this.timeout(0);
  it('the engine never throws, never hangs and keeps every range inside the document', () => {
    const ctx = context();
    const kinds: Record<string, number> = {};
    let n = 0;
    for (const m of mutants(seeds(), CASES, SEED)) {
      const uri = uriOf(`fuzz/${m.name}`);
      const t0 = Date.now();
      let a;
      try {
        a = analyze(uri, m.text, ctx);
        const idx = new LineIndex(m.text);
        for (const f of a.findings) {
          inside(f.range, idx, `${m.how} on ${m.name}: ${f.rule}`);
          for (const fix of fixesOf(a, f))
            for (const e of fix.edit[uri] ?? []) inside(e.range, idx, `${m.how} on ${m.name}: fix of ${f.rule}`);
        }
        const offset = Math.floor(m.text.length / 2);
        hoverAt(a, offset, ctx);
        completionsAt(a, offset, ctx);
        for (const l of codeLensesFor(a, ctx)) inside(l.range, idx, `${m.how} on ${m.name}: code lens`);
      } catch (e) {
        assert.fail(`case ${n} (${m.how} on ${m.name}) threw: ${(e as Error).stack}`);
      }
      assert.ok(
        !a.findings.some(f => f.rule === 'engine-error'),
        `case ${n} (${m.how} on ${m.name}): ${JSON.stringify(a.findings.find(f => f.rule === 'engine-error')?.args)}`,
      );
      const ms = Date.now() - t0;
      assert.ok(ms < PER_CASE_MS, `case ${n} (${m.how} on ${m.name}) took ${ms} ms`);
      kinds[a.kind] = (kinds[a.kind] ?? 0) + 1;
      n++;
    }
    assert.strictEqual(n, CASES);
    assert.ok(
      (kinds.cloudformation ?? 0) > CASES / 4,
      `too few cases were analysed as templates: ${JSON.stringify(kinds)}`,
    );
  });
});
