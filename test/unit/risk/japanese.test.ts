/** Japanese sheet names as keys and values, and Japanese messages. */
import * as assert from 'assert';
import { completionsAt, hoverAt } from '../../../server/src/engine';
import { context, fixesOf, open } from '../../helpers';
import { marked } from '../../markers';
import { analyzeRisk, analyzeSample, ALL_SCENARIOS, only, textAt } from './util';

const JA = `アセスメント:
  ID: ja
  ガイドライン: mhlw-6.0
  許容レベル: B
情報流:
  - ID: F1
    内容: 端末から API へ
    分類: 患者個人情報
リスク:
  - ID: R1
    情報流: F1
    関連する脅威: ネットワーク上の盗聴・なりすまし
    リスクシナリオ: [${ALL_SCENARIOS.map(s => JSON.stringify(s)).join(', ')}]
    特定したリスク: 盗聴される
    影響度: 4
    顕在化率: 3
    リスクレベル: A
    対応: 低減
    対策:
      - 対策の観点: 技術的
        実施者: 事業者
        対策内容: TLS 1.2 以上
        AWSサービス: [elb, acm]
        ガイドライン項目: ["シス13⑫"]
    残存するリスク: { 影響度: 4, 顕在化率: 2 }
`;

describe('Japanese keys and values', () => {
  it("a file written entirely with the sheet's Japanese names is clean", () => {
    assert.deepStrictEqual(
      open(analyzeRisk(JA)).map(f => f.message),
      [],
    );
  });

  it('samples/ccat-like.risk.yaml (Japanese keys, 86 scenarios) is clean', () => {
    const a = analyzeSample('ccat-like.risk.yaml');
    assert.deepStrictEqual(
      open(a).map(f => `${f.rule}: ${f.message}`),
      [],
    );
  });

  it('an unknown Japanese key gets a Japanese did-you-mean and message', () => {
    const a = analyzeRisk(JA.replace('顕在化率: 3', '顕在率: 3'), { lang: 'ja' });
    const [f] = only(a, 'risk-unknown-key');
    assert.strictEqual(textAt(a, f), '顕在率');
    assert.strictEqual(f.message, 'キー「顕在率」はここでは使えません。もしかして 「顕在化率」、「頻在率」');
    assert.strictEqual(fixesOf(a, f)[0].title, '「顕在化率」に置き換える');
  });

  it('Japanese values: 保有 without a reason, 移転 as share', () => {
    assert.strictEqual(only(analyzeRisk(JA.replace('対応: 低減', '対応: 保有')), 'risk-accept-unjustified').length, 1);
    assert.deepStrictEqual(open(analyzeRisk(JA.replace('対応: 低減', '対応: 移転'))), []);
  });

  it('hover on a Japanese key explains it in both languages; completion offers Japanese keys', () => {
    const a = analyzeRisk(JA);
    const h = hoverAt(a, JA.indexOf('顕在化率: 3') + 1, context({ lang: 'ja' }))!;
    assert.match(h.markdown, /^\*\*likelihood\*\* \(顕在化率 \/ 頻在率\)\n\n顕在化率 1–5\n\n_Likelihood 1–5_/);
    const m = marked(JA.replace('    影響度: 4\n', '    影響度: 4\n    顕<|>\n'));
    const items = completionsAt(analyzeRisk(m.text), m.cursor, context());
    assert.ok(items.some(i => i.label === '顕在化率' && i.insertText === '顕在化率: '));
  });
});
