/**
 * Fixture-driven rule tests. For every rule directory `test/fixtures/rules/<rule-id>/`:
 *  - `fail.yaml` / `fail.json` must raise the rule (as many times as `expect.json` says, at the lines it lists);
 *  - `pass.yaml` / `pass.json` must not raise it;
 *  - a rule whose catalog entry has a `fix` offers at least one fix on its fail file, and every fix offered satisfies
 *    the fix-safety oracle (the result parses, that finding is gone, nothing new appears, nothing else changes);
 *  - a rule whose catalog entry has no `fix` offers none.
 * Every CloudFormation rule in the catalog must have fixtures in both YAML and JSON.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../server/src/engine/rules/registry';
import { catalog, fixesOf, open, ROOT, run } from '../../helpers';
import { assertSafeFixes } from '../../oracles/fix-safety';

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
          // The catalog says which rules have a quick fix (`fix:` with its title); the fixtures hold the engine to it.
          if (catalog.rules.get(rule)?.fix)
            it(`fixes for ${rule} in fail.${ext} resolve it and add nothing`, () => {
              const a = run(`${rule}-fail.${ext}`, fs.readFileSync(fail, 'utf8'), settings);
              assert.ok(assertSafeFixes(a, { rule }).length > 0, `no ${rule} finding in fail.${ext} offers a fix`);
            });
          else
            it(`${rule} in fail.${ext} offers no fix (its catalog entry has none)`, () => {
              const a = run(`${rule}-fail.${ext}`, fs.readFileSync(fail, 'utf8'), settings);
              assert.deepStrictEqual(
                open(a)
                  .filter(f => f.rule === rule)
                  .flatMap(f => fixesOf(a, f).map(x => `${f.resource}: ${x.title}`)),
                [],
              );
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
