/**
 * What the sheet says beyond the four treatments: not applicable (対象外), threats outside Table 5-1, the residual
 * risk in words, the assessment's dates and people. Each in English and Japanese keys, as the parser, the
 * diagnostics, the coverage, the editor and the report see it.
 */
import * as assert from 'assert';
import { completionsAt, definitionAt, hoverAt, referencesAt, riskOf } from '../../../server/src/engine';
import { notApplicableScenarios, uncoveredScenarios } from '../../../server/src/engine/risk/coverage';
import { parseDate } from '../../../server/src/engine/risk/dates';
import { parseRiskDocument } from '../../../server/src/engine/risk/parse';
import { buildReport, COLUMNS } from '../../../server/src/engine/risk/report-model';
import { renderHtml } from '../../../server/src/report/html';
import { renderMarkdown } from '../../../server/src/report/text';
import { catalog, context, open } from '../../helpers';
import { marked } from '../../markers';
import { ALL_SCENARIOS, analyzeRisk, baseDoc, only, textAt } from './util';

const others = ALL_SCENARIOS.filter(s => s !== '1.7');
/** The base document with 1.7 taken out of R1 and given to R2, written by `r2`. */
const withR2 = (r2: string, opts: Parameters<typeof baseDoc>[0] = {}) =>
  baseDoc({ ...opts, scenarios: others, extra: r2 });

const NA_EN = `  - id: R2
    threat: data-theft-leakage
    scenarios: ["1.7"]
    treatment: not-applicable
    justification: The service never analyses data or passes it to third parties
`;
const NA_JA = `  - ID: R2
    関連する脅威: data-theft-leakage
    リスクシナリオ: ["1.7"]
    対応: 対象外
    対象外の理由: 利用者の指示なく解析や第三者提供を行わない仕様のため
`;

describe('risk sheet fields', () => {
  describe('not applicable (対象外)', () => {
    for (const [name, r2] of [
      ['English keys', NA_EN],
      ['Japanese keys', NA_JA],
    ] as const) {
      it(`${name}: counts as covered, needs no score, and nothing is reported`, () => {
        const a = analyzeRisk(withR2(r2));
        assert.deepStrictEqual(
          open(a).map(f => f.message),
          [],
        );
        const doc = riskOf(a)!.doc;
        assert.deepStrictEqual(uncoveredScenarios(catalog, doc), []);
        assert.deepStrictEqual([...notApplicableScenarios(catalog, doc)], ['1.7']);
        assert.match(doc.risks[1].justification!.text, /第三者|third parties/);
      });
    }

    it('a scenario another risk treats is not "not applicable"', () => {
      const a = analyzeRisk(baseDoc({ extra: NA_EN }));
      assert.deepStrictEqual([...notApplicableScenarios(catalog, riskOf(a)!.doc)], []);
    });

    it('without its one risk, 1.7 is uncovered again', () => {
      const a = analyzeRisk(baseDoc({ scenarios: others }));
      assert.deepStrictEqual(
        only(a, 'risk-scenario-uncovered').map(f => f.args.scenarios),
        [{ phrase: 'scenarioList', args: { ids: ['1.7'], first: catalog.scenarios.get('1.7')!.title } }],
      );
    });

    it('the report marks it: treatment 対象外, the reason, and the coverage row', () => {
      const a = analyzeRisk(withR2(NA_JA));
      const ja = buildReport(a, catalog, 'ja');
      const row = ja.rows.find(r => r[0] === 'R2')!;
      const col = (id: string) => row[COLUMNS.findIndex(c => c.id === id)];
      assert.strictEqual(col('treatment'), '対象外');
      assert.strictEqual(col('justification'), '利用者の指示なく解析や第三者提供を行わない仕様のため');
      assert.strictEqual(col('level'), '');
      const md = renderMarkdown(ja);
      assert.ok(md.includes('- 最低限のリスクシナリオ: 86 / 86（うち対象外 1）'), md.slice(0, 400));
      assert.match(md, /\| 1\.7 \| [^|]+ \| R2（対象外） \|/);
      const en = renderHtml(buildReport(a, catalog, 'en'));
      assert.ok(en.includes('<li>Minimum scenarios covered: 86 / 86 (1 not applicable)</li>'));
      assert.ok(en.includes('<td>R2 (not applicable)</td>'));
    });

    it('completion offers it, hover explains it', () => {
      const m = marked(baseDoc().replace('treatment: reduce', 'treatment: <|>reduce'));
      const labels = completionsAt(analyzeRisk(m.text), m.cursor, context()).map(c => c.label);
      assert.ok(labels.includes('not-applicable'), labels.join(', '));
      const h = hoverAt(analyzeRisk(withR2(NA_JA)), withR2(NA_JA).indexOf('対象外\n') + 1, context())!;
      assert.match(h.markdown, /^\*\*not-applicable\*\* — Not applicable/);
    });
  });

  describe('threats outside Table 5-1', () => {
    const THREATS_EN = `threats:
  - id: T-supply-chain
    title: Compromised software supply chain
    description: A library or build tool the service depends on is tampered with upstream
`;
    const THREATS_JA = `脅威:
  - ID: T-supply-chain
    名称: ソフトウェアサプライチェーンの侵害
    内容: 依存するライブラリやビルドツールが上流で改ざんされる
`;
    const withThreats = (threats: string, threat = 'T-supply-chain') =>
      baseDoc().replace('risks:\n', `${threats}risks:\n`).replace('threat: unauthorized-access', `threat: ${threat}`);

    for (const [name, threats] of [
      ['English keys', THREATS_EN],
      ['Japanese keys', THREATS_JA],
    ] as const) {
      it(`${name}: a risk cites the local ID and nothing is reported`, () => {
        const a = analyzeRisk(withThreats(threats));
        assert.deepStrictEqual(
          open(a).map(f => f.message),
          [],
        );
        const t = riskOf(a)!.doc.threats[0];
        assert.strictEqual(t.id!.text, 'T-supply-chain');
        assert.match(t.title!.text, /supply chain|サプライチェーン/);
      });
    }

    it('a typo is an unknown threat, with the local ID as the first suggestion', () => {
      const a = analyzeRisk(withThreats(THREATS_EN, 'T-supply-chian'));
      const f = only(a, 'risk-unknown-threat');
      assert.strictEqual(f.length, 1);
      assert.strictEqual(textAt(a, f[0]), 'T-supply-chian');
      assert.match(f[0].message, /^Threat "T-supply-chian" is not in Table 5-1; did you mean "T-supply-chain"/);
    });

    it('a threat without an ID or title is reported, and duplicate IDs too', () => {
      const a = analyzeRisk(
        withThreats('threats:\n  - description: d\n  - id: X\n    title: a\n  - id: X\n    title: b\n'),
      );
      assert.deepStrictEqual(
        open(a).map(f => f.message),
        [
          'id is required',
          'title is required',
          'ID "X" is also used on line 7',
          'Threat "T-supply-chain" is not in Table 5-1',
        ],
      );
    });

    it('hover, definition, references and completion know the local threat', () => {
      const m = marked(
        baseDoc()
          .replace('risks:\n', 'threats:\n  - id: [[T1]]\n    title: 独自の脅威\n    description: 説明文\nrisks:\n')
          .replace('threat: unauthorized-access', 'threat: T<|>1'),
      );
      const a = analyzeRisk(m.text);
      const ctx = context({ lang: 'ja' });
      const h = hoverAt(a, m.cursor, ctx)!;
      assert.strictEqual(h.markdown, '**T1** — この評価で定義した脅威（表5-1 以外）\n\n独自の脅威\n\n説明文');
      assert.deepStrictEqual(
        definitionAt(a, m.cursor, ctx).map(l => l.range),
        [a.lines.range(m.range.start, m.range.end)],
      );
      assert.strictEqual(referencesAt(a, m.cursor, ctx).length, 2);
      const c = completionsAt(a, m.cursor, ctx);
      assert.strictEqual(c[0].label, 'T1');
      assert.strictEqual(c[0].detail, '独自の脅威');
    });

    it('the report shows the local title as the threat', () => {
      const rep = buildReport(analyzeRisk(withThreats(THREATS_JA)), catalog, 'ja');
      assert.strictEqual(rep.rows[0][COLUMNS.findIndex(c => c.id === 'threat')], 'ソフトウェアサプライチェーンの侵害');
    });
  });

  describe('residual risk in words', () => {
    for (const [name, residual] of [
      ['English keys', '    residual: { description: 単一 AZ の障害時は停止する, impact: 2, likelihood: 1 }\n'],
      ['Japanese keys', '    残存するリスク: { 内容: 単一 AZ の障害時は停止する, 影響度: 2, 顕在化率: 1 }\n'],
    ] as const) {
      it(`${name}: read, and shown in the report beside its level`, () => {
        const a = analyzeRisk(baseDoc() + residual);
        assert.deepStrictEqual(open(a), []);
        assert.strictEqual(riskOf(a)!.doc.risks[0].residual!.description!.text, '単一 AZ の障害時は停止する');
        const row = buildReport(a, catalog, 'en').rows[0];
        assert.strictEqual(row[COLUMNS.findIndex(c => c.id === 'residualDescription')], '単一 AZ の障害時は停止する');
        assert.strictEqual(row[COLUMNS.findIndex(c => c.id === 'residualLevel')], 'D');
      });
    }
  });

  describe('assessment date, people and next review', () => {
    it('dates as people write them, and nothing else', () => {
      const ok: [string, string][] = [
        ['2025-04-01', '2025-04-01'],
        ['2025/4/1', '2025-04-01'],
        ['２０２５年４月１日', '2025-04-01'],
        ['令和7年4月1日', '2025-04-01'],
        ['令和元年5月1日', '2019-05-01'],
        ['平成31年4月30日', '2019-04-30'],
        ['2024-02-29', '2024-02-29'],
      ];
      for (const [w, iso] of ok) assert.strictEqual(parseDate(w), iso, w);
      for (const w of ['2025-02-29', '2025-13-01', '平成31年5月1日', '令和元年4月30日', 'next year', '20250401', ''])
        assert.strictEqual(parseDate(w), undefined, w);
    });

    for (const [name, meta] of [
      ['English keys', '  date: 2025-04-01\n  assessor: 山田\n  approver: 佐藤\n  nextReview: 2026-03-31\n'],
      ['Japanese keys', '  評価日: 令和7年4月1日\n  評価者: 山田\n  承認者: 佐藤\n  次回見直し日: 2026年3月31日\n'],
    ] as const) {
      it(`${name}: parsed with their calendar days and shown in the report`, () => {
        const a = analyzeRisk(baseDoc({ assessment: meta }), { today: '2025-06-01' });
        assert.deepStrictEqual(open(a), []);
        const as = riskOf(a)!.doc.assessment!;
        assert.strictEqual(as.date!.iso, '2025-04-01');
        assert.strictEqual(as.nextReview!.iso, '2026-03-31');
        assert.strictEqual(as.assessor!.text, '山田');
        assert.strictEqual(as.approver!.text, '佐藤');
        const md = renderMarkdown(buildReport(a, catalog, 'ja', '2025-06-01'));
        assert.ok(
          md.includes(
            `- 評価日: ${as.date!.text}\n- 評価者: 山田\n- 承認者: 佐藤\n- 次回見直し日: ${as.nextReview!.text}\n`,
          ),
        );
      });
    }

    it('an overdue review is said in the report too', () => {
      const a = analyzeRisk(baseDoc({ assessment: '  nextReview: 2025-04-01\n' }), { today: '2025-04-11' });
      const md = renderMarkdown(buildReport(a, catalog, 'en', '2025-04-11'));
      assert.ok(md.includes('- Next review: 2025-04-01 (10 days overdue)'), md.slice(0, 300));
    });

    it('a value that is not a date is the wrong type, in both languages', () => {
      const a = analyzeRisk(baseDoc({ assessment: '  nextReview: soon\n' }), { today: '2025-04-11' });
      assert.deepStrictEqual(
        open(a).map(f => [f.rule, textAt(a, f), f.message]),
        [['risk-wrong-type', 'soon', 'nextReview must be a date (2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日)']],
      );
      const ja = analyzeRisk(baseDoc({ assessment: '  評価日: 2025-02-30\n' }), { lang: 'ja' });
      assert.deepStrictEqual(
        open(ja).map(f => f.message),
        ['評価日 には日付（2025-04-01、2025/4/1、2025年4月1日、令和7年4月1日）を書きます'],
      );
    });

    it('the parser keeps the written text and the day apart', () => {
      const { doc } = parseRiskDocument(baseDoc({ assessment: '  date: "2025/4/1"\n' }));
      assert.deepStrictEqual(
        { text: doc.assessment!.date!.text, iso: doc.assessment!.date!.iso },
        { text: '2025/4/1', iso: '2025-04-01' },
      );
    });
  });
});
