/**
 * Guideline references with their edition: the rule metadata (6.0 遵守事項 first, 5.2 kept), the corrected scenario
 * and 5.2 references, the finding data and how every face names an item (「医療GL 6.0 シス14②」 / "MHLW 6.0 Sys 14②").
 */
import * as assert from 'assert';
import { counterparts, leadEdition } from '../../../server/src/engine/catalog/editions';
import { describeEntry, itemKind, sourceText } from '../../../server/src/engine/describe';
import { findingTag } from '../../../server/src/engine/i18n/finding';
import { editionLabel, itemLabel, refLabel, refsText } from '../../../server/src/engine/i18n/guidelines';
import { t } from '../../../server/src/engine/i18n/text';
import { catalog, open, run } from '../../helpers';

const rule = (id: string) => catalog.rules.get(id)!;
const refs52 = (id: string) =>
  rule(id)
    .guidelines.filter(g => g.edition === 'mhlw-5.2')
    .map(g => g.id);
const refs6 = (id: string) =>
  rule(id)
    .guidelines.filter(g => g.edition === 'mhlw-6.0')
    .map(g => g.id);
const explain = (id: string, lang: 'ja' | 'en' = 'en', guideline?: string) =>
  describeEntry(catalog.lookup(id)!, catalog, lang, { guideline });

describe('corrected rule references', () => {
  const AT_ALL = [
    'rds-storage-encrypted',
    'ebs-volume-encrypted',
    'ec2-block-device-encrypted',
    'efs-encrypted',
    'redshift-cluster-encrypted',
    'workspaces-volume-encrypted',
    'elasticache-at-rest-encryption',
    'opensearch-encryption-at-rest',
    's3-bucket-encryption',
    'sqs-queue-encrypted',
    'kinesis-stream-encrypted',
    'sns-topic-kms',
  ];

  it('"is it encrypted at all" rules cite 3.1① (1.8, 2.2, 1.1③ where media leave control), not 3.13② / 3.10②', () => {
    for (const id of AT_ALL) {
      const s = rule(id).scenarios;
      assert.ok(s.includes('3.1①'), id);
      assert.ok(!s.includes('3.13②') && !s.includes('3.10②'), `${id}: ${s}`);
    }
    assert.deepStrictEqual(rule('ebs-volume-encrypted').scenarios, ['3.1①', '1.1③', '1.8', '2.2']);
    assert.deepStrictEqual(rule('rds-storage-encrypted').scenarios, ['3.1①', '1.8', '2.2']);
    assert.deepStrictEqual(refs52('rds-storage-encrypted'), ['6.5', '6.4', '6.7']);
    assert.deepStrictEqual(refs52('ebs-volume-encrypted'), ['6.5', '6.4', '6.7 C1', '6.7 C2', '6.7 C4(a)']);
    // Storage rules lead with the 6.0 item on recording media (as 2.2 does), not with the one on data taken out.
    assert.strictEqual(refs6('rds-storage-encrypted')[0], '企画管理編 15 ③');
    // Rules that ask for a KMS key instead of a default one are access control over the data: 3.1① as well.
    for (const id of ['dynamodb-kms-encryption', 's3-bucket-kms', 'sqs-queue-kms', 'logs-group-kms'])
      assert.ok(rule(id).scenarios.includes('3.1①') && !rule(id).scenarios.includes('3.13②'), id);
  });

  it('keeps 3.13② for key management only, and no rule cites 3.10②', () => {
    const citing = (s: string) => [...catalog.rules.values()].filter(r => r.scenarios.includes(s)).map(r => r.id);
    assert.deepStrictEqual(citing('3.13②'), ['kms-key-rotation']);
    assert.deepStrictEqual(citing('3.10②'), []);
  });

  it('s3-public-access-block is access control (3.1①), not 3.8① or a network 6.0 item', () => {
    assert.deepStrictEqual(rule('s3-public-access-block').scenarios, ['3.1①']);
    assert.deepStrictEqual(refs6('s3-public-access-block'), ['システム運用編 14 ①', 'システム運用編 14 ④']);
  });

  it('data-location rules belong to MHLW 5.2 8.3 and cite no scenario', () => {
    for (const id of ['region-outside-japan', 'region-patient-data-outside-japan']) {
      assert.deepStrictEqual(refs52(id), ['8.3'], id);
      assert.deepStrictEqual(rule(id).scenarios, [], id);
      assert.deepStrictEqual(refs6(id), ['企画管理編 15 ①', 'システム運用編 12 ①'], id);
    }
    assert.strictEqual(
      catalog.guidelineItems.get('mhlw-5.2:8.3')!.item.title.ja,
      '外部保存を受託する事業者の選定基準及び情報の取扱いに関する基準',
    );
  });
});

describe('edition-qualified labels', () => {
  it('name the edition and the item the way reviewers write them', () => {
    const sys = { edition: 'mhlw-6.0', id: 'システム運用編 14 ②' };
    assert.strictEqual(refLabel(sys, 'ja'), '医療GL 6.0 シス14②');
    assert.strictEqual(refLabel(sys, 'en'), 'MHLW 6.0 Sys 14②');
    assert.strictEqual(refLabel({ edition: 'mhlw-6.0', id: '企画管理編 6 ⑤' }, 'en'), 'MHLW 6.0 Mgmt 6⑤');
    assert.strictEqual(itemLabel({ edition: 'mhlw-6.0', id: 'システム運用編 13' }, 'ja'), 'シス13');
    assert.strictEqual(refLabel({ edition: 'mhlw-5.2', id: '6.5' }, 'ja'), '医療GL 5.2 6.5');
    assert.strictEqual(refLabel({ edition: 'mhlw-5.2', id: '6.5' }, 'en'), 'MHLW 5.2 6.5');
    assert.strictEqual(refLabel({ edition: 'metimic-1.1', id: '表5-2' }, 'ja'), '事業者GL 1.1 表5-2');
    assert.strictEqual(editionLabel('metimic-2.0', 'en'), 'METI/MIC 2.0');
    const refs = [sys, { edition: 'mhlw-6.0', id: '企画管理編 13 ①' }, { edition: 'mhlw-5.2', id: '6.5' }];
    assert.strictEqual(refsText(refs, 'en'), 'MHLW 6.0 Sys 14②, Mgmt 13①; MHLW 5.2 6.5');
    assert.strictEqual(refsText(refs, 'ja'), '医療GL 6.0 シス14②、企13①／医療GL 5.2 6.5');
  });

  it('findings carry {edition, id} data, the lead edition first (iryoGuard.guideline decides)', () => {
    const text = 'Resources:\n  Raw:\n    Type: AWS::S3::Bucket\n';
    const enc = (guideline?: string) =>
      open(run('b.yaml', text, { guideline })).find(f => f.rule === 's3-bucket-encryption')!;
    assert.deepStrictEqual(enc().guidelines.slice(0, 2), [
      { edition: 'mhlw-6.0', id: '企画管理編 15 ③' },
      { edition: 'mhlw-6.0', id: 'システム運用編 7 ③' },
    ]);
    assert.deepStrictEqual(enc('metimic-1.1').guidelines[0].edition, 'mhlw-6.0');
    const editions = enc('mhlw-5.2').guidelines.map(g => g.edition);
    assert.deepStrictEqual(editions, ['mhlw-5.2', 'mhlw-5.2', 'mhlw-5.2', 'mhlw-6.0', 'mhlw-6.0']);
    assert.strictEqual(findingTag(enc(), 'en'), ' [3.1①, 1.8, 2.2; MHLW 6.0 Mgmt 15③, Sys 7③]');
    assert.strictEqual(findingTag(enc('mhlw-5.2'), 'ja'), ' [3.1①, 1.8, 2.2; 医療GL 5.2 6.5、6.4、6.7]');
    assert.strictEqual(leadEdition(undefined), 'mhlw-6.0');
    assert.strictEqual(leadEdition('metimic-2.0'), 'mhlw-6.0');
    assert.strictEqual(leadEdition('mhlw-5.2'), 'mhlw-5.2');
  });
});

describe('guideline-item hovers', () => {
  it('show the real kind of each item: 6.0 遵守事項 and chapters, 5.2 C / D and headings, tables and annexes', () => {
    const kind = (id: string, edition: string) => {
      const hit = catalog.guidelineItems.get(`${edition}:${id}`)!;
      return t(itemKind(hit.item, hit.edition), 'en');
    };
    assert.strictEqual(kind('システム運用編 14 ②', 'mhlw-6.0'), 'requirement (遵守事項)');
    assert.strictEqual(kind('システム運用編 14', 'mhlw-6.0'), 'chapter (the heading its 遵守事項 sit under)');
    assert.strictEqual(kind('6.3 C3', 'mhlw-5.2'), 'C: minimum guideline');
    assert.strictEqual(kind('6.8 D4', 'mhlw-5.2'), 'D: recommended guideline');
    assert.strictEqual(kind('6.5', 'mhlw-5.2'), 'chapter or section (the heading its C and D items sit under)');
    assert.strictEqual(kind('表5-2', 'metimic-1.1'), 'table');
    assert.strictEqual(kind('別紙2', 'metimic-1.1'), 'annex');
    assert.strictEqual(kind('別紙2 1.1', 'metimic-1.1'), 'Annex 2 measure (main item)');
    assert.strictEqual(kind('5', 'metimic-1.1'), 'chapter');
    // Only a 5.2 D item is called recommended.
    for (const [k, g] of catalog.guidelineItems) {
      if (!k.includes(':')) continue;
      const label = t(itemKind(g.item, g.edition), 'ja');
      assert.strictEqual(label.includes('推奨'), g.item.kind === 'recommended', `${k}: ${label}`);
    }
    assert.match(explain('表5-2', 'ja'), /- 種別: 表\n/);
    assert.match(explain('シス14②', 'ja'), /- 種別: 遵守事項\n/);
  });

  it('name the documents a source is, not their seed numbers', () => {
    const md = explain('s3-bucket-encryption', 'ja');
    assert.match(md, /出典: C-CAT 利活用クラウド サービス仕様適合開示書（事業者の開示書）: 添付\. 予見されるリスク/);
    assert.doesNotMatch(md, /出典: 00\d/);
    assert.strictEqual(
      sourceText({ doc: '000', section: 's' }, 'en'),
      'Overview of the AWS reference for medical information systems (v2.2, June 2021): s',
    );
    for (const e of [...catalog.scenarios.values()].slice(0, 5))
      assert.doesNotMatch(explain(e.id), /Source: 00\d /, e.id);
  });

  it('end with the line that iryo-guard supports, and does not certify, conformity', () => {
    for (const id of ['シス14②', '6.5', '3.1①', 's3-bucket-encryption', 'mhlw-6.0']) {
      assert.match(
        explain(id),
        /_iryo-guard supports checking conformity with the guidelines; it does not certify conformity\._$/,
        id,
      );
      assert.match(explain(id, 'ja'), /適合を認証・保証するものではありません。_$/, id);
    }
  });

  it("list a scenario's items in both editions, the lead one first, saying whether the 6.0 link is verified", () => {
    const md = explain('1.1①');
    assert.match(
      md,
      /- MHLW guideline: MHLW 6\.0 Mgmt 4, Sys 14①, Sys 14④ \(verified\)\n- MHLW guideline: MHLW 5\.2 6\.3 C3/,
    );
    assert.match(explain('1.1①', 'en', 'mhlw-5.2'), /- MHLW guideline: MHLW 5\.2 6\.3 C3\n- MHLW guideline: MHLW 6\.0/);
    assert.match(explain('1.1②'), /MHLW 6\.0 Sys 7④ \(not verified\)/);
  });

  it("show a rule's items with their editions, the lead edition first", () => {
    assert.match(
      explain('rds-storage-encrypted'),
      /- Guidelines: MHLW 6\.0 Mgmt 15③, Sys 7③; MHLW 5\.2 6\.5, 6\.4, 6\.7\n/,
    );
    assert.match(
      explain('rds-storage-encrypted', 'ja', 'mhlw-5.2'),
      /- ガイドライン: 医療GL 5\.2 6\.5、6\.4、6\.7／医療GL 6\.0 企15③、シス7③\n/,
    );
  });
});

describe('5.2 → 6.0 counterparts (the migration aid)', () => {
  it('come from the 5.2 item where the catalog records them, marked unverified with their basis', () => {
    const c = counterparts(catalog, '6.5')!;
    assert.deepStrictEqual(c.ids, ['システム運用編 14', 'システム運用編 17', 'システム運用編 8', '企画管理編 13']);
    assert.strictEqual(c.verified, false);
    assert.match(c.basis!.en, /Our reading, by the topics/);
    const seven = counterparts(catalog, '7.3')!;
    assert.deepStrictEqual(seven.ids.slice(0, 3), ['企画管理編 15 ③', '企画管理編 15 ④', '企画管理編 15 ⑤']);
    assert.match(seven.source!.url!, /wic-net\.com\/material\/document\/9468\/7$/);
  });

  it('else come through the 別紙2 scenarios that cite the item, verified only where every link is', () => {
    const c = counterparts(catalog, '6.3 C3')!;
    assert.deepStrictEqual(c.scenarios, ['1.1①']);
    assert.deepStrictEqual(c.ids, catalog.scenarios.get('1.1①')!.mhlw6);
    assert.strictEqual(c.verified, true);
    assert.strictEqual(counterparts(catalog, '6.7 C1')!.verified, false);
    assert.strictEqual(counterparts(catalog, '6')!, undefined);
    assert.strictEqual(counterparts(catalog, 'シス14②'), undefined);
  });

  it("are shown in the 5.2 item's hover", () => {
    const md = explain('6.3 C3', 'ja');
    assert.match(md, /- 第6\.0版の対応項目 \(医療GL 6\.0\):\n {2}- 医療GL 6\.0 企4 /);
    assert.match(md, /- 確認済みの対応です: 別紙2 のシナリオ 1\.1① を経由した対応/);
  });
});
