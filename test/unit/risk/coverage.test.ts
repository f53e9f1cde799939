/** Scenario coverage: the EHR sample round trip and the risk-skeleton quick fixes. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits } from '../../../server/src/engine';
import { parseRiskDocument } from '../../../server/src/engine/risk/parse';
import { catalog, fixesOf, open, ROOT } from '../../helpers';
import { assertSafeFix } from '../../oracles/fix-safety';
import { analyzeRisk, analyzeSample, assertFixResolves, baseDoc, only } from './util';

describe('scenario coverage', () => {
  it('samples/ehr.risk.yaml covers every minimum scenario with zero diagnostics', () => {
    const a = analyzeSample('ehr.risk.yaml');
    assert.strictEqual(a.kind, 'risk');
    assert.deepStrictEqual(
      open(a).map(f => `${f.rule}: ${f.message}`),
      [],
    );
    assert.strictEqual(catalog.scenarios.size, 86);
  });

  it('deleting one risk produces exactly the "uncovered" diagnostics for the scenarios only it covered', () => {
    const text = fs.readFileSync(path.join(ROOT, 'samples/ehr.risk.yaml'), 'utf8');
    const { doc } = parseRiskDocument(text);
    for (const victim of doc.risks) {
      const ids = (r: typeof victim) => r.scenarios.map(s => catalog.lookup(s.text, 'scenario')!.id);
      const others = new Set(doc.risks.filter(r => r !== victim).flatMap(ids));
      const expected = ids(victim)
        .filter(s => !others.has(s))
        .sort();
      // Remove the item from its "- id:" line up to the next item (blank line included).
      const start = text.lastIndexOf('\n', victim.obj.node.start) + 1;
      const next = doc.risks[doc.risks.indexOf(victim) + 1];
      const end = next ? text.lastIndexOf('\n', next.obj.node.start) + 1 : text.length;
      const a = analyzeSample('ehr.risk.yaml', text.slice(0, start) + text.slice(end));
      const got = open(a);
      assert.deepStrictEqual(
        got.filter(f => f.rule !== 'risk-scenario-uncovered').map(f => f.message),
        [],
        `removing ${victim.id!.text}`,
      );
      assert.deepStrictEqual(got.flatMap(f => f.scenarios).sort(), expected, `removing ${victim.id!.text}`);
    }
  });

  it('the skeleton fix adds a prefilled risk; only the author\'s judgement is left as "required"', () => {
    const a = analyzeRisk(baseDoc({ scenarios: [...catalog.scenarios.keys()].filter(s => s !== '3.13②') }));
    const [f] = only(a, 'risk-scenario-uncovered');
    assert.deepStrictEqual(
      fixesOf(a, f).map(x => x.title),
      ['Add a risk skeleton for 3.13②'],
    );
    const fixed = assertFixResolves(a, f, 0, ['risk-required']);
    assert.ok(fixed.startsWith(a.text));
    const added = fixed.slice(a.text.length);
    assert.strictEqual(
      added,
      `  - id: R-3.13②
    threat: eavesdropping-spoofing
    scenarios: [3.13②]
    description: ${catalog.scenarios.get('3.13②')!.title.en}
    impact:
    likelihood:
    treatment: reduce
    controls:
      - perspective: technical
        owner: provider
        measure:
        services: [kms, ebs, rds, s3, cloudwatch-logs, workspaces]
        rules: [${[...catalog.rules.values()]
          .filter(r => r.family !== 'risk' && r.scenarios.includes('3.13②'))
          .map(r => r.id)
          .join(', ')}]
        guidelines: [シス13, シス7③]
`,
    );
    assert.ok(!/justification|acceptedBy/.test(added));
    const b = analyzeRisk(fixed);
    assert.deepStrictEqual(
      open(b)
        .map(x => x.message)
        .sort(),
      ['impact is required', 'likelihood is required', 'measure is required'],
    );
  });

  it('"add skeletons for all" covers every uncovered scenario at once', () => {
    const missing = ['1.2', '3.8②', '3.22'];
    const a = analyzeRisk(baseDoc({ scenarios: [...catalog.scenarios.keys()].filter(s => !missing.includes(s)) }));
    const fs3 = only(a, 'risk-scenario-uncovered');
    assert.strictEqual(fs3.length, 1, 'one finding for the assessment, not one per scenario on the same place');
    assert.deepStrictEqual(fs3[0].scenarios, missing);
    assert.strictEqual(fs3[0].message, 'Minimum scenarios not covered by any risk: 1.2, 3.8②, 3.22');
    assert.deepStrictEqual(
      fixesOf(a, fs3[0]).map(f => f.title),
      [
        'Add skeletons for all 3 uncovered scenarios',
        'Add a risk skeleton for 1.2',
        'Add a risk skeleton for 3.8②',
        'Add a risk skeleton for 3.22',
      ],
    );
    const b = assertSafeFix(a, fs3[0], 0, { allowNew: ['risk-required'] }).after;
    assert.deepStrictEqual(only(b, 'risk-scenario-uncovered'), []);
    assert.ok(
      open(b).every(x => x.rule === 'risk-required'),
      open(b)
        .map(x => x.message)
        .join('\n'),
    );
  });

  it(
    'skeletons are written with Japanese keys and values in a Japanese-keyed file, and create the risk ' +
      'list if needed',
    () => {
      const text = 'アセスメント:\n  ID: t\n  ガイドライン: metimic-1.1\n  許容レベル: C\nリスク:\n';
      const a = analyzeRisk(text);
      const f = only(a, 'risk-scenario-uncovered')[0];
      const n = fixesOf(a, f).findIndex(x => x.title === 'Add a risk skeleton for 1.2');
      // The finding stays (other scenarios are still uncovered); the skeleton for 1.2 is what changed.
      const fixed = applyEdits(a.text, fixesOf(a, f)[n].edit[a.uri]);
      assert.match(
        fixed,
        /リスク:\n {2}- id: R-1\.2\n {4}関連する脅威: data-theft-leakage\n {4}リスクシナリオ: \["1\.2"\]\n/,
      );
      assert.match(fixed, /対応: 低減\n {4}対策:\n {6}- 対策の観点: 人的・組織的\n {8}実施者: 事業者\n/);
      const b = analyzeRisk(fixed);
      assert.ok(!only(b, 'risk-scenario-uncovered').some(x => x.scenarios.includes('1.2')));
      assert.ok(
        open(b).every(x => x.rule === 'risk-scenario-uncovered' || x.rule === 'risk-required'),
        open(b)
          .map(x => x.message)
          .join('\n'),
      );
    },
  );

  it('every guideline edition in the catalog selects the whole Annex 2 set', () => {
    for (const e of catalog.editions.keys()) {
      const a = analyzeRisk(baseDoc({ scenarios: ['1.2'] }).replace('metimic-1.1', e));
      assert.strictEqual(only(a, 'risk-scenario-uncovered')[0].scenarios.length, 85, e);
    }
  });
});
