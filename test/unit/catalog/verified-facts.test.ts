/**
 * Facts of the catalog that were checked against published text (MHLW 5.2 tables of contents, METI/MIC 1.1
 * chapter 5) or corrected against the seeds. Each assertion pins one corrected fact so that a later edit cannot
 * quietly bring back the old value.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileCatalog, formatFault } from '../../../server/src/tools/compile-catalog';
import { describeEntry } from '../../../server/src/engine/describe';
import { hoverAt } from '../../../server/src/engine';
import { analyzeSample } from '../risk/util';
import { catalog, context, ROOT } from '../../helpers';

const item = (edition: string, id: string) => catalog.guidelineItems.get(`${edition}:${id}`)?.item;
const scenarioTitle = (id: string) => catalog.scenarios.get(id)!.title;

describe('verified catalog facts', () => {
  describe('MHLW 5.2 chapter headings (5.2 tables of contents)', () => {
    const headings: Record<string, string> = {
      '6.10': '災害、サイバー攻撃等の非常時の対応',
      '6.11': '外部のネットワーク等を通じた個人情報を含む医療情報の交換に当たっての安全管理',
      '8': '診療録及び診療諸記録を外部に保存する際の基準',
      '8.1': '電子保存の3基準の遵守',
      '8.2': '運用管理規程',
      '8.3': '外部保存を受託する事業者の選定基準及び情報の取扱いに関する基準',
      '8.4': '個人情報の保護',
      '8.5': '責任の明確化',
    };
    for (const [id, ja] of Object.entries(headings))
      it(`${id} is 「${ja}」 and cites the 5.2 table of contents`, () => {
        const i = item('mhlw-5.2', id)!;
        assert.strictEqual(i.title.ja, ja);
        assert.strictEqual(i.kind, 'chapter');
        assert.strictEqual(i.verified, true);
        assert.strictEqual(i.source.doc, 'web');
        assert.match(i.source.url!, /^https:\/\/(www\.)?wic-net\.com\/material\/document\/173[78]\/4$/);
      });

    it('no 4.2-era heading is left (8.1 network storage, 8.3 paper, 8.4 general points)', () => {
      const titles = ['8.1', '8.2', '8.3', '8.4', '6.10', '6.11'].map(id => item('mhlw-5.2', id)!.title.ja).join(' ');
      for (const old of [
        'ネットワークを通じた電子媒体',
        '可搬型媒体',
        '紙媒体のまま',
        '外部保存全般',
        '災害等の非常時',
        '診療情報を交換',
      ])
        assert.ok(!titles.includes(old), old);
    });

    it('6.6(2) C1 is about contractors, not staff', () => {
      const t = item('mhlw-5.2', '6.6(2) C1')!.title;
      assert.match(t.ja, /委託先/);
      assert.doesNotMatch(t.ja, /職員/);
      assert.match(t.en, /contractor/);
      assert.doesNotMatch(t.en, /staff/);
    });

    it('a heading is explained as a heading, not as a recommended (D) item', () => {
      const md = describeEntry(catalog.lookup('8.3', 'guideline')!, catalog, 'en');
      assert.match(md, /- Kind: chapter or section \(the heading its C and D items sit under\)/);
      assert.match(md, /Source: .*<https:\/\/www\.wic-net\.com\/material\/document\/1737\/4>/);
      assert.match(describeEntry(catalog.lookup('表5-2', 'guideline')!, catalog, 'en'), /- Kind: table\n/);
    });

    it('the 5.2 edition itself is verified (令和4年3月)', () => {
      const e = catalog.editions.get('mhlw-5.2')!;
      assert.strictEqual(e.published, '2022-03');
      assert.strictEqual(e.verified, true);
    });
  });

  describe('scenario titles', () => {
    it('3.8① covers IP addresses and ports the business does not need', () => {
      const t = scenarioTitle('3.8①');
      assert.match(t.ja, /IPアドレス/);
      assert.match(t.ja, /TCP\/UDPポート/);
      assert.match(t.ja, /業務に不要/);
      assert.match(t.en, /IP addresses or TCP\/UDP ports the business does not need/);
    });

    it('1.7 and 3.17 say 患者等, not 患者（利用者）', () => {
      for (const id of ['1.7', '3.17']) {
        const t = scenarioTitle(id);
        assert.match(t.ja, /患者等/, id);
        assert.doesNotMatch(t.ja, /利用者/, id);
        assert.doesNotMatch(t.en, /\(users?\)/, id);
      }
    });

    it('1.1②, 1.1⑤ and 3.4④ use the same formal register as the others', () => {
      const colloquial = /もらって|しまう|ずさん|甘く|つなぎ/;
      for (const id of ['1.1②', '1.1⑤', '3.4④']) assert.doesNotMatch(scenarioTitle(id).ja, colloquial, id);
      assert.match(scenarioTitle('1.1②').ja, /感染する$/);
      assert.match(scenarioTitle('1.1⑤').ja, /漏えいする$/);
      assert.match(scenarioTitle('3.4④').ja, /特定できない$/);
    });
  });

  describe('services linked to scenarios', () => {
    it('the IPsec-VPN measure serves 3.13① (encrypted path), not 3.13② (key compromise)', () => {
      assert.ok(catalog.scenarios.get('3.13①')!.services.includes('site-to-site-vpn'));
      assert.ok(!catalog.scenarios.get('3.13②')!.services.includes('site-to-site-vpn'));
      const vpn = catalog.services.get('site-to-site-vpn')!;
      assert.ok(vpn.scenarios.includes('3.13①'));
      assert.ok(!vpn.scenarios.includes('3.13②'));
    });

    it('3.15② (accredited time stamps) is not served by Amazon Time Sync', () => {
      assert.deepStrictEqual(catalog.scenarios.get('3.15②')!.services, []);
      assert.deepStrictEqual(catalog.services.get('time-sync')!.scenarios, ['3.4③']);
    });

    it('services[].scenarios is the exact inverse of scenarios[].services', () => {
      const pairs = (xs: [string, string][]) => xs.map(p => p.join(' ')).sort();
      type Pair = [string, string];
      const fromScenarios = [...catalog.scenarios.values()].flatMap(s => s.services.map(v => [v, s.id] as Pair));
      const fromServices = [...catalog.services.values()].flatMap(v => v.scenarios.map(s => [v.id, s] as Pair));
      assert.deepStrictEqual(pairs(fromServices), pairs(fromScenarios));
    });

    it('the compiler reports a one-sided link', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
      fs.cpSync(path.join(ROOT, 'catalog'), dir, { recursive: true });
      const f = path.join(dir, 'services.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('scenarios: ["3.4③"]', 'scenarios: ["3.4③", "3.15②"]'));
      const faults = compileCatalog(dir).faults.map(formatFault);
      const expected = 'time-sync lists scenario "3.15②", which does not list time-sync';
      assert.ok(
        faults.some(x => x.includes(expected)),
        faults.join('\n'),
      );
    });
  });

  describe('threats of 表5-1', () => {
    const TABLE_5_1 = [
      '不正な閲覧・操作',
      'ネットワーク上の盗聴・なりすまし',
      '高度サイバー攻撃',
      'ランサムウェア感染',
      '情報の窃取・漏洩',
      '情報の改竄・破壊',
      '医療情報システム等の停止',
      '技術的脆弱性の混入',
      '機器や記憶媒体の持ち出し時の紛失・盗難',
      '施設への物理的侵入',
      '災害等',
    ];

    it('are the eleven labels of the published table, in its order, all verified', () => {
      const threats = catalog.data.threats as unknown as { label: { ja: string }; verified: boolean }[];
      assert.deepStrictEqual(
        threats.map(t => t.label.ja),
        TABLE_5_1,
      );
      assert.ok(threats.every(t => t.verified));
    });

    it('the labels not in the seeds cite 表5-1 of edition 1.1 by page and URL', () => {
      const fromTable = catalog.data.threats.filter(t => t.source.doc === 'web');
      assert.strictEqual(fromTable.length, 8);
      for (const t of fromTable) {
        assert.match(t.source.section, /第1\.1版 p\.32 表5-1/);
        assert.strictEqual(t.source.url, 'https://wic-net.com/material/document/10201/32');
      }
    });

    it('the table is named as published', () => {
      assert.strictEqual(item('metimic-1.1', '表5-1')!.title.ja, '医療情報システム等提供上の代表的な脅威');
    });
  });

  describe('risk model and 表5-2', () => {
    const m = catalog.data.riskModel.matrix;

    it('keeps the default thresholds, marked as ours and not 表5-2 figures', () => {
      assert.deepStrictEqual(
        m.thresholds.map(t => `${t.level}${t.min}`),
        ['S20', 'A12', 'B8', 'C4', 'D1'],
      );
      assert.strictEqual(m.verified, false);
      assert.match(m.note!.ja, /既定のマトリクス/);
      assert.match(m.note!.ja, /表5-2/);
      assert.match(m.note!.en, /default matrix, not figures from the guideline/);
    });

    it('records what 表5-2 and 表5-3 are in edition 1.1', () => {
      const t52 = item('metimic-1.1', '表5-2')!;
      assert.match(t52.title.ja, /S～D/);
      assert.match(t52.note!.en, /does not show numeric cut-offs/);
      const t53 = item('metimic-1.1', '表5-3')!;
      assert.match(t53.title.ja, /低減・回避・共有・保有/);
      assert.strictEqual(catalog.labelled('treatments', 'リスク共有')?.id, 'share');
    });

    it('the level hover says the thresholds are the catalog default', () => {
      const a = analyzeSample('ehr.risk.yaml');
      const h = hoverAt(a, a.text.indexOf('level: A', a.text.indexOf('level: A') + 1) + 7, context())!;
      const expected = `the catalog matrix: S ≥ 20, A ≥ 12, B ≥ 8, C ≥ 4, D ≥ 1\n\n${m.note!.en}`;
      assert.ok(h.markdown.includes(expected), h.markdown);
    });
  });

  describe('METI/MIC 2.0', () => {
    const e = catalog.editions.get('metimic-2.0')!;

    it('is its own edition, published 2025-03, with a note that its Annex 2 set is unverified', () => {
      assert.strictEqual(e.published, '2025-03');
      assert.match(e.note!.ja, /2025年3月28日/);
      assert.match(e.note!.ja, /別紙2/);
      assert.match(e.note!.ja, /確認できていません/);
      assert.match(e.note!.en, /has not been verified/);
      assert.match(e.note!.en, /edition 1\.1 \(86 scenarios\)/);
    });

    it('claims no 2.0 item it could not read', () => {
      const g = catalog.data.guidelines.find(x => x.edition.id === 'metimic-2.0')!;
      assert.deepStrictEqual(g.items, []);
    });

    it('shows the note and the source URL when the edition is explained', () => {
      const entry = catalog.lookup('metimic-2.0', 'edition')!;
      const en = describeEntry(entry, catalog, 'en');
      assert.ok(en.includes(e.note!.en), en);
      assert.match(en, /Source: .*<https:\/\/ccl\.jp\.net\/1763\.html>/);
      assert.ok(describeEntry(entry, catalog, 'ja').includes(e.note!.ja));
    });
  });
});
