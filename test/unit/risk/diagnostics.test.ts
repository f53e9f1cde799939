/** One test per risk-file diagnostic: exact range and message; each fix applied, re-parsed, gone, nothing new. */
import * as assert from 'assert';
import { Settings } from '../../../server/src/engine';
import { catalog, fixesOf, open } from '../../helpers';
import { analyzeRisk, assertFixResolves, baseDoc, only, textAt } from './util';

const tested = new Set<string>();
function expectOne(text: string, rule: string, covering: string, message?: RegExp, settings: Partial<Settings> = {}) {
  tested.add(rule);
  const a = analyzeRisk(text, settings);
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
      '  - id: R1\n    threat: system-outage\n    scenarios: ["3.18"]\n    impact: 1\n    likelihood: 1\n  ' +
      '  treatment: accept\n    justification: small\n';
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
      baseDoc().replace(/ {4}controls:[\s\S]*$/, ''),
      'risk-no-controls',
      'reduce',
      /Risk R1 is treated by reduce but lists no controls/,
    );
    assert.deepStrictEqual(
      only(
        analyzeRisk(
          baseDoc()
            .replace(/ {4}controls:[\s\S]*$/, '')
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

  it('risk-not-applicable-unjustified: 対象外 without a reason, on the treatment; no impact or likelihood needed', () => {
    const na = baseDoc({ risk: '    treatment: not-applicable\n' });
    const { a, f } = expectOne(
      na,
      'risk-not-applicable-unjustified',
      'not-applicable',
      /^Risk R1 is marked not applicable but gives no reason \(justification\)$/,
    );
    assert.deepStrictEqual(
      open(a).map(x => x.rule),
      ['risk-not-applicable-unjustified'],
    );
    assert.deepStrictEqual(fixesOf(a, f), []);
    assert.deepStrictEqual(open(analyzeRisk(na + '    justification: IoT 機器を使わない\n')), []);
    // Japanese keys and value; the reason under its Japanese name.
    const ja = baseDoc({ risk: '    対応: 対象外\n' });
    expectOne(ja, 'risk-not-applicable-unjustified', '対象外');
    assert.strictEqual(
      only(analyzeRisk(ja, { lang: 'ja' }), 'risk-not-applicable-unjustified')[0].message,
      'リスク R1 は対象外としていますが、理由 (justification) がありません',
    );
    assert.deepStrictEqual(open(analyzeRisk(ja + '    対象外の理由: 仕様上生じない\n')), []);
    // Other treatments still need impact and likelihood.
    assert.deepStrictEqual(
      open(analyzeRisk(baseDoc({ risk: '    treatment: accept\n    justification: j\n' }))).map(x => x.message),
      ['impact is required', 'likelihood is required'],
    );
  });

  it('risk-review-overdue: against the "today" the host passes in, never the clock', () => {
    const doc = (next: string) => baseDoc({ assessment: `  date: 2024-04-01\n  nextReview: ${next}\n` });
    expectOne(
      doc('2025-04-01'),
      'risk-review-overdue',
      '2025-04-01',
      /^The next review date 2025-04-01 has passed \(1 day ago; today is 2025-04-02\)\. Review the assessment/,
      { today: '2025-04-02' },
    );
    expectOne(doc('2025/3/3'), 'risk-review-overdue', '2025/3/3', /\(30 days ago; today is 2025-04-02\)/, {
      today: '2025-04-02',
    });
    expectOne(doc('令和7年4月1日'), 'risk-review-overdue', '令和7年4月1日', /1 day ago/, { today: '2025-04-02' });
    assert.deepStrictEqual(open(analyzeRisk(doc('2025-04-02'), { today: '2025-04-02' })), []);
    assert.deepStrictEqual(open(analyzeRisk(doc('2025-04-01'))), [], 'no today, no check');
    const ja = analyzeRisk(baseDoc({ assessment: '  次回見直し日: 2025年4月1日\n' }), {
      today: '2025-05-01',
      lang: 'ja',
    });
    assert.strictEqual(
      only(ja, 'risk-review-overdue')[0].message,
      '次回見直し日 2025年4月1日 を過ぎています（30 日経過、今日は 2025-05-01）。評価を見直して日付を更新してください',
    );
  });

  it('risk-action-required-mismatch: 対応要否 against the level and the treatment', () => {
    const high =
      baseDoc().replace('impact: 2', 'impact: 5').replace('likelihood: 2', 'likelihood: 3') +
      '    residual: { impact: 2, likelihood: 1 }\n';
    expectOne(
      high.replace('    treatment: reduce', '    actionRequired: 不要\n    treatment: reduce'),
      'risk-action-required-mismatch',
      '不要',
      /^Action required of risk R1 contradicts the evaluation: it says not required, but level A is above the acceptance level C$/,
    );
    const accepted = baseDoc().replace(
      '    treatment: reduce',
      '    対応要否: 要\n    treatment: accept\n    justification: j',
    );
    const { a } = expectOne(
      accepted,
      'risk-action-required-mismatch',
      '要',
      /it says required, but the treatment is "accept"/,
    );
    assert.deepStrictEqual(
      open(a).map(f => f.rule),
      ['risk-action-required-mismatch'],
    );
    assert.match(
      only(analyzeRisk(accepted, { lang: 'ja' }), 'risk-action-required-mismatch')[0].message,
      /^リスク R1 の対応要否が評価と合いません: 「要」ですが、対応は「accept」です$/,
    );
    // Agreeing values are quiet.
    assert.deepStrictEqual(
      open(analyzeRisk(high.replace('    treatment: reduce', '    actionRequired: 要\n    treatment: reduce'))),
      [],
    );
    assert.deepStrictEqual(
      open(analyzeRisk(baseDoc().replace('    treatment: reduce', '    actionRequired: false\n    treatment: reduce'))),
      [],
    );
  });

  it('risk-threat-shadows-catalog: a local threat named like a Table 5-1 threat', () => {
    const text = baseDoc({ extra: '' }).replace(
      'risks:\n',
      'threats:\n  - id: ransomware\n    title: 身代金要求型ウイルス\nrisks:\n',
    );
    expectOne(
      text,
      'risk-threat-shadows-catalog',
      'ransomware',
      /^"ransomware" under threats is the Table 5-1 threat "Ransomware infection"; cite that threat instead of defining it$/,
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
