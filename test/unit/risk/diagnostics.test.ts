/** One test per risk-file diagnostic: exact range and message; each fix applied, re-parsed, gone, nothing new. */
import * as assert from 'assert';
import { catalog, fixesOf, open } from '../../helpers';
import { analyzeRisk, assertFixResolves, baseDoc, only, textAt } from './util';

const tested = new Set<string>();
function expectOne(text: string, rule: string, covering: string, message?: RegExp) {
  tested.add(rule);
  const a = analyzeRisk(text);
  const mine = only(a, rule);
  assert.strictEqual(
    mine.length,
    1,
    `expected one ${rule}, got: ${open(a)
      .map(f => `${f.rule} ${f.message}`)
      .join('\n')}`,
  );
  assert.strictEqual(textAt(a, mine[0]), covering);
  if (message) assert.match(mine[0].message, message);
  return { a, f: mine[0] };
}

describe('risk diagnostics', () => {
  it('the base document is clean', () => {
    assert.deepStrictEqual(
      open(analyzeRisk(baseDoc())).map(f => f.message),
      [],
    );
  });

  it('syntax errors are reported and nothing else', () => {
    const a = analyzeRisk('assessment: [\n');
    assert.ok(open(a).length >= 1 && open(a).every(f => f.rule === 'syntax-error'));
  });

  it('risk-unknown-key: did you mean, and the fix renames the key', () => {
    const text = baseDoc().replace('    treatment: reduce', '    treatmnt: reduce');
    const { a, f } = expectOne(text, 'risk-unknown-key', 'treatmnt', /did you mean "treatment"\?/);
    assert.deepStrictEqual(
      only(a, 'risk-required').map(x => x.message),
      ['treatment is required'],
    );
    assert.strictEqual(fixesOf(a, f)[0].title, 'Replace with "treatment"');
    assertFixResolves(a, f);
    assert.deepStrictEqual(open(analyzeRisk(assertFixResolves(a, f))), []);
  });

  it('risk-duplicate-key: the same field in English and Japanese', () => {
    expectOne(
      baseDoc().replace('    impact: 2\n', '    impact: 2\n    影響度: 3\n'),
      'risk-duplicate-key',
      '影響度',
      /repeats the field impact/,
    );
  });

  it('risk-wrong-type: a list where an integer goes (and no "required" on top)', () => {
    const { a } = expectOne(
      baseDoc().replace('impact: 2', 'impact: [2]'),
      'risk-wrong-type',
      '[2]',
      /^impact must be an integer$/,
    );
    assert.deepStrictEqual(only(a, 'risk-required'), []);
  });

  it('risk-required: a missing key on the item, an empty key on the key', () => {
    expectOne(baseDoc().replace('    likelihood: 2\n', ''), 'risk-required', 'id', /^likelihood is required$/);
    expectOne(
      baseDoc().replace('    likelihood: 2\n', '    likelihood:\n'),
      'risk-required',
      'likelihood',
      /^likelihood is required$/,
    );
  });

  it('risk-unknown-value: a misspelt treatment, fixed to the right one', () => {
    const { a, f } = expectOne(
      baseDoc().replace('treatment: reduce', 'treatment: redcue'),
      'risk-unknown-value',
      'redcue',
      /allowed: reduce, avoid, share, accept/,
    );
    assert.strictEqual(fixesOf(a, f)[0].title, 'Replace with "reduce"');
    assertFixResolves(a, f);
  });

  it('risk-unknown-value: an unknown guideline edition and acceptance level', () => {
    expectOne(
      baseDoc().replace('guideline: metimic-1.1', 'guideline: metimic-9'),
      'risk-unknown-value',
      'metimic-9',
      /not a valid guideline/,
    );
    expectOne(baseDoc().replace('acceptance: C', 'acceptance: X'), 'risk-unknown-value', 'X', /allowed: S, A, B, C, D/);
  });

  it('risk-unknown-scenario: suggestions, each a fix', () => {
    const { a, f } = expectOne(
      baseDoc({ scenarios: ['3.99', ...catalog.scenarios.keys()] }),
      'risk-unknown-scenario',
      '"3.99"',
      /did you mean "3.9"/,
    );
    assert.ok(fixesOf(a, f).length >= 2);
    assertFixResolves(a, f);
  });

  it('risk-unknown-threat', () => {
    const { a, f } = expectOne(
      baseDoc().replace('threat: unauthorized-access', 'threat: unauthorized-acess'),
      'risk-unknown-threat',
      'unauthorized-acess',
      /did you mean "unauthorized-access"/,
    );
    assertFixResolves(a, f);
  });

  it('risk-unknown-service', () => {
    const { a, f } = expectOne(
      baseDoc().replace('measure: m\n', 'measure: m\n        services: [kms, cloudtrial]\n'),
      'risk-unknown-service',
      'cloudtrial',
      /did you mean "cloudtrail"/,
    );
    assertFixResolves(a, f);
  });

  it('risk-unknown-guideline-item: MHLW 5.2 and 6.0 forms are known', () => {
    const ok = analyzeRisk(
      baseDoc().replace(
        'measure: m\n',
        'measure: m\n        guidelines: ["6.3 C3", "シス14①", "システム運用編 13 ⑫"]\n',
      ),
    );
    assert.deepStrictEqual(open(ok), []);
    const { a, f } = expectOne(
      baseDoc().replace('measure: m\n', 'measure: m\n        guidelines: ["6.3 C33"]\n'),
      'risk-unknown-guideline-item',
      '"6.3 C33"',
      /did you mean "6.3 C3"/,
    );
    assertFixResolves(a, f);
  });

  it('risk-unknown-rule: rule IDs come from the catalog, with did-you-mean', () => {
    const { a, f } = expectOne(
      baseDoc().replace('measure: m\n', 'measure: m\n        rules: [s3-bucket-encrypton]\n'),
      'risk-unknown-rule',
      's3-bucket-encrypton',
      /did you mean "s3-bucket-encryption"/,
    );
    assertFixResolves(a, f);
    expectOne(
      baseDoc().replace('measure: m\n', 'measure: m\n        rules: [syntax-error]\n'),
      'risk-unknown-rule',
      'syntax-error',
    );
  });

  it('risk-unknown-flow', () => {
    const flows = 'flows:\n  - id: F1\n    description: d\n    classification: patient-personal\n';
    const { a, f } = expectOne(
      baseDoc({ flows }).replace('    threat:', '    flow: F2\n    threat:'),
      'risk-unknown-flow',
      'F2',
      /did you mean "F1"/,
    );
    assertFixResolves(a, f);
  });

  it('risk-duplicate-id', () => {
    const extra =
      '  - id: R1\n    threat: system-outage\n    scenarios: ["3.18"]\n    impact: 1\n    likelihood: 1\n    treatment: accept\n    justification: small\n';
    expectOne(baseDoc({ extra }), 'risk-duplicate-id', 'R1', /also used on line 6/);
  });

  it('risk-value-out-of-range', () => {
    expectOne(
      baseDoc().replace('impact: 2', 'impact: 7'),
      'risk-value-out-of-range',
      '7',
      /impact must be an integer from 1 to 5 \(got 7\)/,
    );
  });

  it('risk-level-mismatch: fix sets the level from the matrix', () => {
    const { a, f } = expectOne(
      baseDoc().replace('    impact: 2\n', '    impact: 2\n    level: B\n'),
      'risk-level-mismatch',
      'B',
      /impact 2 × likelihood 2 = 4, which is level C/,
    );
    assert.strictEqual(fixesOf(a, f)[0].title, 'Set level to C');
    const fixed = assertFixResolves(a, f);
    assert.match(fixed, /level: C\n/);
  });

  it('risk-level-mismatch uses an assessment-local matrix', () => {
    const matrix = '  matrix: { S: 16, A: 9, B: 6, C: 3, D: 1 }\n';
    assert.deepStrictEqual(
      open(
        analyzeRisk(baseDoc({ assessment: matrix }).replace('    impact: 2\n', '    impact: 2\n    level: C\n')),
      ).map(f => f.rule),
      [],
    );
    expectOne(
      baseDoc({ assessment: matrix }).replace('    impact: 2\n', '    impact: 2\n    level: B\n'),
      'risk-level-mismatch',
      'B',
      /which is level C/,
    );
    expectOne(
      baseDoc({ assessment: matrix })
        .replace('impact: 2', 'impact: 3')
        .replace('    impact: 3\n', '    impact: 3\n    level: C\n'),
      'risk-level-mismatch',
      'C',
      /= 6, which is level B/,
    );
  });

  it('risk-matrix-invalid', () => {
    expectOne(
      baseDoc({ assessment: '  matrix: { S: 20, A: 24, B: 8, C: 4, D: 1 }\n' }),
      'risk-matrix-invalid',
      '24',
      /must be below/,
    );
    expectOne(
      baseDoc({ assessment: '  matrix: { S: 20, X: 12, D: 1 }\n' }),
      'risk-matrix-invalid',
      'X',
      /not a catalog level/,
    );
    expectOne(
      baseDoc({ assessment: '  matrix: { S: 20, A: 12, D: 2 }\n' }),
      'risk-matrix-invalid',
      '2',
      /lowest level must start at 1/,
    );
  });

  it('risk-residual-above-initial', () => {
    const { a } = expectOne(
      baseDoc().replace('measure: m\n', 'measure: m\n    residual: { impact: 3, likelihood: 3 }\n'),
      'risk-residual-above-initial',
      'residual',
      /Residual level B is higher than the initial level C/,
    );
    assert.deepStrictEqual(
      open(a)
        .map(f => f.rule)
        .sort(),
      ['risk-residual-above-initial', 'risk-residual-unjustified'],
    );
  });

  it('risk-scenario-uncovered: one for the assessment, on guideline, with the title of a single scenario', () => {
    const { f } = expectOne(
      baseDoc({ scenarios: [...catalog.scenarios.keys()].filter(s => s !== '3.8②') }),
      'risk-scenario-uncovered',
      'metimic-1.1',
    );
    assert.strictEqual(
      f.message,
      `Minimum scenarios not covered by any risk: 3.8② "${catalog.scenarios.get('3.8②')!.title.en}"`,
    );
    assert.deepStrictEqual(f.scenarios, ['3.8②']);
  });

  it('risk-no-controls', () => {
    expectOne(
      baseDoc().replace(/    controls:[\s\S]*$/, ''),
      'risk-no-controls',
      'reduce',
      /Risk R1 is treated by reduce but lists no controls/,
    );
    assert.deepStrictEqual(
      only(
        analyzeRisk(
          baseDoc()
            .replace(/    controls:[\s\S]*$/, '')
            .replace('reduce', 'share'),
        ),
        'risk-no-controls',
      ),
      [],
    );
  });

  it('risk-residual-unjustified: needs both justification and acceptedBy; no fix writes them', () => {
    const high = baseDoc().replace('impact: 2', 'impact: 5').replace('likelihood: 2', 'likelihood: 3');
    const { a, f } = expectOne(
      high,
      'risk-residual-unjustified',
      'R1',
      /Residual level A of risk R1 is above the acceptance level C/,
    );
    assert.deepStrictEqual(fixesOf(a, f), []);
    assert.strictEqual(only(analyzeRisk(high + '    justification: j\n'), 'risk-residual-unjustified').length, 1);
    assert.deepStrictEqual(open(analyzeRisk(high + '    justification: j\n    acceptedBy: 院長\n')), []);
    assert.deepStrictEqual(open(analyzeRisk(high + '    residual: { impact: 5, likelihood: 1 }\n')), []);
  });

  it('risk-accept-unjustified', () => {
    const { a, f } = expectOne(
      baseDoc().replace('treatment: reduce', 'treatment: accept'),
      'risk-accept-unjustified',
      'accept',
      /Risk R1 is accepted but has no justification/,
    );
    assert.deepStrictEqual(fixesOf(a, f), []);
  });

  it('risk-accept-high-level', () => {
    const text =
      baseDoc()
        .replace('impact: 2', 'impact: 5')
        .replace('likelihood: 2', 'likelihood: 3')
        .replace('treatment: reduce', '対応: 保有') + '    justification: j\n    acceptedBy: k\n';
    const { a } = expectOne(text, 'risk-accept-high-level', '保有', /Risk R1 is at level A but is accepted/);
    assert.deepStrictEqual(
      open(a).map(f => f.rule),
      ['risk-accept-high-level'],
    );
  });

  it('messages follow the language setting', () => {
    const a = analyzeRisk(baseDoc().replace('impact: 2', 'impact: 7'), { lang: 'ja' });
    assert.strictEqual(
      only(a, 'risk-value-out-of-range')[0].message,
      'impact は 1〜5 の整数です（7 と書かれています）',
    );
  });

  it('disabled rules and severity overrides apply to risk diagnostics', () => {
    const text = baseDoc().replace('impact: 2', 'impact: 7');
    assert.deepStrictEqual(
      only(analyzeRisk(text, { disabledRules: ['risk-value-out-of-range'] }), 'risk-value-out-of-range'),
      [],
    );
    assert.strictEqual(
      only(
        analyzeRisk(text, { severityOverrides: { 'risk-value-out-of-range': 'hint' } }),
        'risk-value-out-of-range',
      )[0].severity,
      'hint',
    );
  });

  after(() => {
    // Link diagnostics are tested in links.test.ts (risk-iac-not-read in read-guard.test.ts).
    const linkRules = [
      'risk-control-contradicted',
      'risk-iac-missing',
      'risk-iac-not-a-file',
      'risk-iac-not-read',
      'risk-iac-not-template',
      'risk-service-not-in-iac',
      'risk-rule-not-applicable',
      'risk-unknown-resource',
    ];
    const missing = [...catalog.rules.values()]
      .filter(r => r.family === 'risk' && !tested.has(r.id) && !linkRules.includes(r.id))
      .map(r => r.id);
    assert.deepStrictEqual(missing, [], 'risk rules without a test');
  });
});
