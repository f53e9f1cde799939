/**
 * Fixture-driven rule tests. For every rule directory `test/fixtures/rules/<rule-id>/`:
 *  - `fail.yaml` / `fail.json` must raise the rule (as many times as `expect.json` says, at the lines it lists);
 *  - `pass.yaml` / `pass.json` must not raise it;
 *  - every fix offered on a fail file is applied: the result parses, that finding is gone, and nothing new appears.
 * Every CloudFormation rule in the catalog must have fixtures in both YAML and JSON.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../server/src/engine/rules/registry';
import { applyFix, findingKey, open, ROOT, run } from '../../helpers';

const DIR = path.join(ROOT, 'test/fixtures/rules');
const dirs = fs.existsSync(DIR)
  ? fs
      .readdirSync(DIR)
      .filter(d => fs.statSync(path.join(DIR, d)).isDirectory())
      .sort()
  : [];

interface Expectation {
  yaml?: number[];
  json?: number[];
  settings?: Record<string, unknown>;
}

describe('rule fixtures', () => {
  it('every CloudFormation rule has YAML and JSON fixtures', () => {
    const missing = RULES.flatMap(r => [r.id, ...(r.alsoReports ?? [])]).filter(id => {
      const d = path.join(DIR, id);
      return !['fail.yaml', 'pass.yaml', 'fail.json', 'pass.json'].every(f => fs.existsSync(path.join(d, f)));
    });
    assert.deepStrictEqual(missing, []);
  });

  for (const rule of dirs) {
    describe(rule, () => {
      const d = path.join(DIR, rule);
      const expect: Expectation = fs.existsSync(path.join(d, 'expect.json'))
        ? JSON.parse(fs.readFileSync(path.join(d, 'expect.json'), 'utf8'))
        : {};
      const settings = (expect.settings ?? {}) as Record<string, never>;
      for (const ext of ['yaml', 'json'] as const) {
        const fail = path.join(d, `fail.${ext}`);
        const pass = path.join(d, `pass.${ext}`);
        if (fs.existsSync(fail)) {
          it(`fail.${ext} raises ${rule}`, () => {
            const a = run(`${rule}-fail.${ext}`, fs.readFileSync(fail, 'utf8'), settings);
            assert.ok(
              !a.findings.some(f => f.rule === 'syntax-error'),
              `fixture has a syntax error: ${a.findings.map(f => f.message)}`,
            );
            const mine = open(a).filter(f => f.rule === rule);
            assert.ok(
              mine.length > 0,
              `no ${rule} finding; got ${open(a)
                .map(f => f.rule)
                .join(', ')}`,
            );
            const lines = expect[ext];
            if (lines)
              assert.deepStrictEqual(
                mine.map(f => f.range.start.line + 1).sort((x, y) => x - y),
                [...lines].sort((x, y) => x - y),
              );
          });
          it(`fixes for ${rule} in fail.${ext} resolve it and add nothing`, () => {
            const a = run(`${rule}-fail.${ext}`, fs.readFileSync(fail, 'utf8'), settings);
            for (const f of open(a).filter(x => x.rule === rule && x.fixes?.length)) {
              for (let n = 0; n < f.fixes!.length; n++) {
                const fixed = applyFix(a, f, n);
                const b = run(`${rule}-fail.${ext}`, fixed, settings);
                assert.ok(
                  !b.findings.some(x => x.rule === 'syntax-error'),
                  `fix "${f.fixes![n].title}" broke the syntax:\n${fixed}`,
                );
                const before = open(a).map(findingKey);
                const after = open(b).map(findingKey);
                const countOf = (list: string[], k: string) => list.filter(x => x === k).length;
                assert.ok(
                  countOf(after, findingKey(f)) < countOf(before, findingKey(f)),
                  `fix "${f.fixes![n].title}" did not remove ${findingKey(f)}:\n${fixed}`,
                );
                const added = after.filter(k => countOf(after, k) > countOf(before, k));
                assert.deepStrictEqual(
                  [...new Set(added)],
                  [],
                  `fix "${f.fixes![n].title}" introduced findings:\n${fixed}`,
                );
              }
            }
          });
        }
        if (fs.existsSync(pass)) {
          it(`pass.${ext} does not raise ${rule}`, () => {
            const a = run(`${rule}-pass.${ext}`, fs.readFileSync(pass, 'utf8'), settings);
            assert.ok(
              !a.findings.some(f => f.rule === 'syntax-error'),
              `fixture has a syntax error: ${a.findings.map(f => f.message)}`,
            );
            assert.deepStrictEqual(
              open(a)
                .filter(f => f.rule === rule)
                .map(f => f.message),
              [],
            );
          });
        }
      }
    });
  }
});
