import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'yaml';
import { compileCatalog, CROSSWALK_RULES_MHLW6, formatFault } from '../../../server/src/tools/compile-catalog';
import { lookupKey, mhlw6Aliases, normalizeMhlw6Id } from '../../../server/src/engine/catalog/ids';
import { describeEntry } from '../../../server/src/engine/describe';
import { RuleGuidelineLink } from '../../../server/src/engine/catalog/types';
import { catalog, ROOT } from '../../helpers';

const six = () => catalog.data.guidelines.find(g => g.edition.id === 'mhlw-6.0')!;
const crosswalk = (): RuleGuidelineLink[] => {
  const text = fs.readFileSync(path.join(ROOT, 'catalog', CROSSWALK_RULES_MHLW6), 'utf8');
  return (parse(text) as { rules: RuleGuidelineLink[] }).rules;
};

describe('MHLW 6.0 catalogue', () => {
  it('covers the 企画管理編 and the システム運用編 with headings and requirements', () => {
    const items = six().items;
    for (const part of ['企画管理編', 'システム運用編']) {
      assert.ok(items.filter(i => i.part === part && i.kind === 'chapter').length >= 10, part);
      assert.ok(items.filter(i => i.part === part && i.kind === 'minimum').length >= 30, part);
    }
    // Every システム運用編 chapter 1–18 has its heading entry.
    for (let ch = 1; ch <= 18; ch++) assert.ok(catalog.guidelineItems.has(`mhlw-6.0:システム運用編 ${ch}`), `システム運用編 ${ch}`);
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
    for (const id of ['システム運用編 13 ⑫', 'システム運用編 14 ①', 'システム運用編 13', 'システム運用編 14', '企画管理編 9', '企画管理編 15'])
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
    assert.deepStrictEqual(mhlw6Aliases('企画管理編 6 ⑤'), ['企6⑤', '企6-5', 'Plan6(5)']);
    assert.deepStrictEqual(mhlw6Aliases('企画管理編 15'), ['企15', 'Plan15']);
    assert.deepStrictEqual(mhlw6Aliases('6.5 C10'), []);
  });

  it('describes an item with its summary and source page', () => {
    const e = catalog.lookup('Sys17(2)', 'guideline')!;
    const md = describeEntry(e, catalog, 'en');
    assert.match(md, /^\*\*システム運用編 17 ②\*\* — Guideline item/);
    assert.ok(md.includes(six().items.find(i => i.id === 'システム運用編 17 ②')!.summary!.en), md);
    assert.match(md, /p\. 53 <https:\/\/wic-net\.com\/material\/document\/9466\/53>/);
  });
});

describe('MHLW 6.0 crosswalks', () => {
  it('maps every scenario to 6.0 items that exist', () => {
    for (const s of catalog.scenarios.values()) {
      assert.ok(s.mhlw6.length > 0, `${s.id}: no mhlw6`);
      assert.strictEqual(typeof s.mhlw6Verified, 'boolean', s.id);
      for (const ref of s.mhlw6) assert.ok(catalog.guidelineItems.has(`mhlw-6.0:${ref}`), `${s.id}: ${ref}`);
    }
    assert.deepStrictEqual(catalog.scenarios.get('2.1')?.mhlw6, ['企画管理編 15 ②', 'システム運用編 12 ②']);
  });

  it('lists every CloudFormation rule once, with existing 遵守事項 and reasons', () => {
    const links = crosswalk();
    const ids = links.map(l => l.rule);
    assert.strictEqual(new Set(ids).size, ids.length);
    const cfnRules = [...catalog.rules.values()]
      .filter(r => !r.id.startsWith('risk-') && r.family !== 'core')
      .map(r => r.id);
    assert.deepStrictEqual([...ids].sort(), [...cfnRules].sort());
    for (const l of links) {
      assert.ok(catalog.rules.has(l.rule), l.rule);
      assert.ok(l.mhlw6.length >= 1, l.rule);
      for (const m of l.mhlw6) {
        const hit = catalog.guidelineItems.get(`mhlw-6.0:${m.item}`);
        assert.strictEqual(hit?.item.kind, 'minimum', `${l.rule}: ${m.item}`);
        assert.ok(m.reason.length >= 10 && !m.reason.includes('\n'), `${l.rule}: reason`);
      }
    }
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
      const dir = brokenCopy(d => rewrite(d, 'scenarios.yaml', 'mhlw6: ["企画管理編 15 ②"', 'mhlw6: ["企画管理編 15 ⑳"'));
      const faults = compileCatalog(dir).faults.map(formatFault);
      const want = '"企画管理編 15 ⑳" is not an item of guidelines/mhlw-6.0.yaml';
      assert.ok(faults.some(f => f.includes(want)), faults.join('\n'));
    });

    it('reports a crosswalk naming an unknown rule or an uncatalogued item', () => {
      const dir = brokenCopy(d => {
        rewrite(d, CROSSWALK_RULES_MHLW6, '- rule: rds-multi-az', '- rule: rds-multi-azz');
        rewrite(d, CROSSWALK_RULES_MHLW6, /item: "システム運用編 12 ④"/, 'item: "システム運用編 12 ⑳"');
      });
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(faults.some(f => f.includes('unknown rule "rds-multi-azz"')), faults.join('\n'));
      const want = '"システム運用編 12 ⑳" is not an item of guidelines/mhlw-6.0.yaml';
      assert.ok(faults.some(f => f.includes(want)), faults.join('\n'));
    });

    it('rejects a chapter heading where the crosswalk wants a 遵守事項', () => {
      const dir = brokenCopy(d => rewrite(d, CROSSWALK_RULES_MHLW6, /item: "システム運用編 12 ④"/, 'item: "システム運用編 12"'));
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(faults.some(f => /rules-mhlw6\.yaml:\d+:\d+: \/rules\/\d+\/mhlw6\/0\/item: must match pattern/.test(f)), faults.join('\n'));
    });

    it('requires a summary and a page for 6.0 entries', () => {
      const dir = brokenCopy(d => rewrite(d, 'guidelines/mhlw-6.0.yaml', /, page: 47, printedPage: 41, /, ', '));
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(faults.some(f => f.includes('source.page is required for MHLW 6.0 entries')), faults.join('\n'));
    });
  });
});
