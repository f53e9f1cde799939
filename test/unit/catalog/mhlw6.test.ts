import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileCatalog, formatFault } from '../../../server/src/tools/compile-catalog';
import { lookupKey, mhlw6Aliases, normalizeMhlw6Id } from '../../../server/src/engine/catalog/ids';
import { describeEntry } from '../../../server/src/engine/describe';
import { catalog, ROOT } from '../../helpers';

const six = () => catalog.data.guidelines.find(g => g.edition.id === 'mhlw-6.0')!;

describe('MHLW 6.0 catalogue', () => {
  it('covers the 企画管理編 and the システム運用編 with headings and requirements', () => {
    const items = six().items;
    for (const part of ['企画管理編', 'システム運用編']) {
      assert.ok(items.filter(i => i.part === part && i.kind === 'chapter').length >= 10, part);
      assert.ok(items.filter(i => i.part === part && i.kind === 'minimum').length >= 30, part);
    }
    // Every システム運用編 chapter 1–18 has its heading entry.
    for (let ch = 1; ch <= 18; ch++)
      assert.ok(catalog.guidelineItems.has(`mhlw-6.0:システム運用編 ${ch}`), `システム運用編 ${ch}`);
  });

  it('gives every entry its part, heading, summary, page and address', () => {
    for (const it of six().items) {
      assert.ok(it.part && it.id.startsWith(it.part), it.id);
      assert.ok(it.chapterTitle?.ja && it.chapterTitle.en, `${it.id}: chapterTitle`);
      assert.ok(it.summary?.ja && it.summary.en, `${it.id}: summary`);
      assert.ok(Number.isInteger(it.source.page) && it.source.page! > 0, `${it.id}: page`);
      assert.match(it.source.url ?? '', /^https:\/\//, `${it.id}: url`);
      if (it.kind === 'minimum') assert.match(it.id, / [①-⑳]$/, it.id);
    }
  });

  it('keeps our own wording: no summary repeats the heading or another summary', () => {
    const seen = new Set<string>();
    for (const it of six().items) {
      assert.notStrictEqual(it.summary!.ja, it.chapterTitle!.ja, it.id);
      assert.ok(!seen.has(it.summary!.ja), `${it.id}: duplicate summary`);
      seen.add(it.summary!.ja);
    }
  });

  it('marks the edition as verified against the published text', () => {
    assert.strictEqual(six().edition.verified, true);
    assert.strictEqual(six().edition.published, '2023-05');
  });

  it('keeps the ids other files already use', () => {
    for (const id of [
      'システム運用編 13 ⑫',
      'システム運用編 14 ①',
      'システム運用編 13',
      'システム運用編 14',
      '企画管理編 9',
      '企画管理編 15',
    ])
      assert.strictEqual(catalog.lookup(id, 'guideline')?.id, id, id);
  });
});

describe('MHLW 6.0 short forms', () => {
  it('normalises the forms auditors write', () => {
    const cases: [string, string][] = [
      ['シス14②', 'システム運用編 14 ②'],
      ['シス14-2', 'システム運用編 14 ②'],
      ['Sys14(2)', 'システム運用編 14 ②'],
      ['Sys 14②', 'システム運用編 14 ②'],
      ['sys14_2', 'システム運用編 14 ②'],
      ['ＳＹＳ１４（２）', 'システム運用編 14 ②'],
      ['シス14章②条', 'システム運用編 14 ②'],
      ['シス14章第②条', 'システム運用編 14 ②'],
      ['システム運用編 14 ②', 'システム運用編 14 ②'],
      ['システム運用編14-2', 'システム運用編 14 ②'],
      ['企6⑤', '企画管理編 6 ⑤'],
      ['Plan6(5)', '企画管理編 6 ⑤'],
      ['企画管理編 6 ⑤', '企画管理編 6 ⑤'],
      ['シス14', 'システム運用編 14'],
      ['シス14章', 'システム運用編 14'],
      ['Sys 13', 'システム運用編 13'],
    ];
    for (const [raw, want] of cases) assert.strictEqual(normalizeMhlw6Id(raw), want, raw);
  });

  it('leaves other ids alone', () => {
    const others = ['シス14.2', 'シス', 'system', '6.5 C10', '3.8②', 's3-bucket-encryption', 'Sys14(21)', 'plan-b'];
    for (const raw of others) assert.strictEqual(normalizeMhlw6Id(raw), raw, raw);
    assert.strictEqual(lookupKey('3.8-2'), lookupKey('3.8②'));
  });

  it('resolves シス14② = シス14-2 = Sys14(2) = Sys 14② to one item', () => {
    for (const alias of ['シス14②', 'シス14-2', 'Sys14(2)', 'Sys 14②', 'シス14章第②条'])
      assert.strictEqual(catalog.lookup(alias, 'guideline')?.id, 'システム運用編 14 ②', alias);
    for (const alias of ['企6⑤', 'Plan6(5)', '企6-5', '企6章⑤条'])
      assert.strictEqual(catalog.lookup(alias, 'guideline')?.id, '企画管理編 6 ⑤', alias);
    assert.strictEqual(catalog.lookup('Sys13', 'guideline')?.id, 'システム運用編 13');
  });

  it('derives the short aliases shown in completions', () => {
    assert.deepStrictEqual(mhlw6Aliases('システム運用編 14 ②'), ['シス14②', 'シス14-2', 'Sys14(2)']);
    assert.deepStrictEqual(mhlw6Aliases('企画管理編 6 ⑤'), ['企6⑤', '企6-5', 'Mgmt6(5)']);
    assert.deepStrictEqual(mhlw6Aliases('企画管理編 15'), ['企15', 'Mgmt15']);
    assert.deepStrictEqual(mhlw6Aliases('6.5 C10'), []);
  });

  it('describes an item with its summary and source page', () => {
    const e = catalog.lookup('Sys17(2)', 'guideline')!;
    const md = describeEntry(e, catalog, 'en');
    assert.match(md, /^\*\*システム運用編 17 ②\*\* — Guideline item \(MHLW 6\.0 Sys 17②\)/);
    assert.match(md, /- Kind: requirement \(遵守事項\)/);
    assert.ok(md.includes(six().items.find(i => i.id === 'システム運用編 17 ②')!.summary!.en), md);
    assert.match(md, /p\. 53 <https:\/\/wic-net\.com\/material\/document\/9466\/53>/);
  });
});

describe('MHLW 6.0 references of scenarios and rules', () => {
  it('maps every scenario to 6.0 items that exist', () => {
    for (const s of catalog.scenarios.values()) {
      assert.ok(s.mhlw6.length > 0, `${s.id}: no mhlw6`);
      assert.strictEqual(typeof s.mhlw6Verified, 'boolean', s.id);
      for (const ref of s.mhlw6) assert.ok(catalog.guidelineItems.has(`mhlw-6.0:${ref}`), `${s.id}: ${ref}`);
    }
    assert.deepStrictEqual(catalog.scenarios.get('2.1')?.mhlw6, ['企画管理編 15 ②', 'システム運用編 12 ②']);
  });

  it('gives every template rule at least one 6.0 遵守事項 with a reason, and every 6.0 entry a source page', () => {
    const template = [...catalog.rules.values()].filter(r => r.family !== 'core' && r.family !== 'risk');
    assert.ok(template.length >= 78, String(template.length));
    for (const r of template) {
      const refs6 = r.guidelines.filter(g => g.edition === 'mhlw-6.0');
      assert.ok(refs6.length >= 1, `${r.id}: no 6.0 遵守事項`);
      for (const g of refs6) {
        assert.strictEqual(catalog.guidelineItems.get(`mhlw-6.0:${g.id}`)?.item.kind, 'minimum', `${r.id}: ${g.id}`);
        assert.ok(g.reason && g.reason.length >= 10 && !g.reason.includes('\n'), `${r.id}: reason`);
      }
      // The 5.2 references stay, as secondary ones after the 6.0 items.
      const editions = r.guidelines.map(g => g.edition);
      assert.ok(editions.includes('mhlw-5.2'), `${r.id}: 5.2 reference kept`);
      assert.ok(editions.lastIndexOf('mhlw-6.0') < editions.indexOf('mhlw-5.2'), `${r.id}: 6.0 first`);
    }
    for (const it of six().items) assert.ok(it.source.page && it.source.url, `${it.id}: source page`);
  });

  it('docs/guidelines.md states the catalogue as it is (遵守事項 per 編 and verified)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/guidelines.md'), 'utf8');
    const req = six().items.filter(i => i.kind === 'minimum');
    for (const part of ['企画管理編', 'システム運用編']) {
      const mine = req.filter(i => i.part === part);
      const row = `| **${part}** | total | **${mine.length}** | **${mine.filter(i => i.verified).length}** | |`;
      assert.ok(doc.includes(row), row);
    }
    assert.ok(doc.includes(`| **all** | | **${req.length}** | **${req.filter(i => i.verified).length}** | |`));
    assert.ok(!fs.existsSync(path.join(ROOT, 'docs/guidelines-metimic.md')), 'folded into docs/guidelines.md');
  });

  it('keeps no rule crosswalk beside the rules (each fact in one place)', () => {
    for (const f of ['crosswalk/rules-mhlw6.yaml', 'crosswalk/rule-corrections.yaml'])
      assert.ok(!fs.existsSync(path.join(ROOT, 'catalog', f)), f);
  });

  describe('compiler', () => {
    function brokenCopy(edit: (dir: string) => void): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
      fs.cpSync(path.join(ROOT, 'catalog'), dir, { recursive: true });
      edit(dir);
      return dir;
    }
    const rewrite = (dir: string, rel: string, from: string | RegExp, to: string) => {
      const f = path.join(dir, rel);
      const text = fs.readFileSync(f, 'utf8');
      const next = text.replace(from, to);
      assert.notStrictEqual(next, text, `${rel}: nothing replaced`);
      fs.writeFileSync(f, next);
    };

    it('reports a scenario citing a 6.0 item that is not catalogued', () => {
      const dir = brokenCopy(d =>
        rewrite(d, 'scenarios.yaml', 'mhlw6: ["企画管理編 15 ②"', 'mhlw6: ["企画管理編 15 ⑳"'),
      );
      const faults = compileCatalog(dir).faults.map(formatFault);
      const want = '"企画管理編 15 ⑳" is not an item of guidelines/mhlw-6.0.yaml';
      assert.ok(
        faults.some(f => f.includes(want)),
        faults.join('\n'),
      );
    });

    it('reports a rule citing an uncatalogued 6.0 item, a chapter instead of a 遵守事項, or no 6.0 item', () => {
      const dir = brokenCopy(d => {
        rewrite(d, 'rules/backup.yaml', 'id: "システム運用編 12 ④"', 'id: "システム運用編 12 ⑳"');
        rewrite(d, 'rules/detection.yaml', 'id: "システム運用編 13 ⑪"', 'id: "システム運用編 13"');
        rewrite(d, 'rules/data-location.yaml', /( {6}- \{ edition: mhlw-6\.0[^\n]*\n)+/, '');
      });
      const all = compileCatalog(dir).faults.map(formatFault).join('\n');
      assert.ok(all.includes('"システム運用編 12 ⑳" is not an item of guidelines/mhlw-6.0.yaml'), all);
      assert.ok(all.includes('"システム運用編 13" is not a 遵守事項 of MHLW 6.0'), all);
      assert.match(all, /rules \(region-patient-data-outside-japan\): \/guidelines: cites no MHLW 6\.0 遵守事項/);
    });

    it('requires a reason for each 6.0 reference and a known edition', () => {
      const dir = brokenCopy(d => {
        rewrite(d, 'rules/backup.yaml', /(id: "システム運用編 12 ④"), reason: "[^"]*"/, '$1');
        rewrite(d, 'rules/backup.yaml', 'edition: mhlw-5.2, id: "6.10"', 'edition: mhlw-5.3, id: "6.10"');
      });
      const all = compileCatalog(dir).faults.map(formatFault).join('\n');
      assert.match(
        all,
        /rules\/backup\.yaml:\d+:\d+: \/rules\/\d+\/guidelines\/\d+: must have required property 'reason'/,
      );
      assert.match(all, /rules\/backup\.yaml:\d+:\d+: \/rules\/\d+\/guidelines\/\d+\/edition: must be equal to one of/);
    });

    it('rejects a 5.2 item whose 6.0 counterpart is not catalogued', () => {
      const dir = brokenCopy(d =>
        rewrite(d, 'guidelines/mhlw-5.2.yaml', 'ids: ["企画管理編 6"]', 'ids: ["企画管理編 66"]'),
      );
      const all = compileCatalog(dir).faults.map(formatFault).join('\n');
      assert.ok(all.includes('/successors/ids/0: "企画管理編 66" is not an item of guidelines/mhlw-6.0.yaml'), all);
    });

    it('requires a summary and a page for 6.0 entries', () => {
      const dir = brokenCopy(d => rewrite(d, 'guidelines/mhlw-6.0.yaml', /, page: 47, printedPage: 41, /, ', '));
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(
        faults.some(f => f.includes('source.page is required for MHLW 6.0 entries')),
        faults.join('\n'),
      );
    });
  });
});
