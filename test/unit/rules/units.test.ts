/** A rule is one unit: its module, its catalog entry and its family agree, and the two type lists do too. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { RISK_RULES } from '../../../server/src/engine/risk/rules/index.generated';
import { RULES } from '../../../server/src/engine/rules/registry';
import { catalog, ROOT } from '../../helpers';

const RULES_DIR = path.join(ROOT, 'server/src/engine/rules');

describe('rule units', () => {
  it('every rule module sits in the folder of its catalog family and is named after its rule', () => {
    const problems: string[] = [];
    for (const family of fs.readdirSync(RULES_DIR, { withFileTypes: true })) {
      if (!family.isDirectory() || family.name === 'support') continue;
      for (const file of fs.readdirSync(path.join(RULES_DIR, family.name))) {
        const id = file.replace(/\.ts$/, '');
        const meta = catalog.rules.get(id);
        if (!meta) problems.push(`${family.name}/${file}: no catalog entry "${id}"`);
        else if (meta.family !== family.name) problems.push(`${family.name}/${file}: catalog family is ${meta.family}`);
      }
    }
    assert.deepStrictEqual(problems, []);
  });

  it('every discovered rule and every ID it also reports has catalog metadata', () => {
    const missing = RULES.flatMap(r => [r.id, ...(r.alsoReports ?? [])]).filter(id => !catalog.rules.has(id));
    assert.deepStrictEqual(missing, []);
  });

  it('the types a rule runs on are among the types its catalog entry applies to', () => {
    const problems: string[] = [];
    for (const r of RULES)
      for (const id of [r.id, ...(r.alsoReports ?? [])]) {
        const appliesTo = catalog.rules.get(id)?.appliesTo ?? [];
        for (const t of r.runsOn ?? []) if (!appliesTo.includes(t)) problems.push(`${id}: runs on ${t}`);
      }
    assert.deepStrictEqual(problems, []);
  });

  it('a rule that checks resources says which types, and the index lists every rule module', () => {
    assert.deepStrictEqual(
      RULES.filter(r => r.checkResource && !r.runsOn?.length).map(r => r.id),
      [],
    );
    const modules = fs
      .readdirSync(RULES_DIR, { withFileTypes: true })
      .filter(d => d.isDirectory() && d.name !== 'support')
      .flatMap(d => fs.readdirSync(path.join(RULES_DIR, d.name)));
    const ids = new Set(RULES.map(r => r.id));
    assert.deepStrictEqual(
      modules.map(f => f.replace(/\.ts$/, '')).filter(id => !ids.has(id)),
      [],
    );
  });

  it('risk-file rules have the same shape: one module per rule, named after it, covering every risk ID', () => {
    const dir = path.join(ROOT, 'server/src/engine/risk/rules');
    const ids = new Set(RISK_RULES.map(r => r.id));
    const modules = fs.readdirSync(dir).filter(f => /^risk-.*\.ts$/.test(f));
    assert.deepStrictEqual(
      modules.map(f => f.replace(/\.ts$/, '')).filter(id => !ids.has(id)),
      [],
    );
    const reported = new Set(RISK_RULES.flatMap(r => [r.id, ...(r.alsoReports ?? [])]));
    const riskIds = [...catalog.rules.values()].filter(m => m.family === 'risk').map(m => m.id);
    assert.deepStrictEqual(
      riskIds.filter(id => !reported.has(id)),
      [],
      'every risk rule in the catalog is reported by some rule module',
    );
    assert.deepStrictEqual(
      [...reported].filter(id => catalog.rules.get(id)?.family !== 'risk'),
      [],
    );
  });

  it('the committed rule indexes are what the rule folders say (the build rewrites them)', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'server/scripts/rule-index.mjs'), '--check'], {
      encoding: 'utf8',
    });
    assert.strictEqual(r.status, 0, r.stderr);
  });
});
