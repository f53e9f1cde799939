/**
 * MHLW 6.0 items in a risk file's `guidelines:`: validation of every written form, completion, hover, and the
 * 5.2 → 6.0 migration (hover shows the 6.0 counterparts; a quick fix adds or substitutes them).
 */
import * as assert from 'assert';
import { actionsAt, applyEdits, completionsAt, hoverAt } from '../../../server/src/engine';
import { CompletionItem } from '../../../server/src/engine/model/types';
import { catalog, context, open } from '../../helpers';
import { marked } from '../../markers';
import { analyzeRisk, baseDoc } from './util';

const withGuidelines = (list: string, assessment = '') =>
  baseDoc({ assessment }).replace('measure: m\n', `measure: m\n        guidelines: ${list}\n`);
const sorted = (items: CompletionItem[]) =>
  [...items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));

describe('MHLW 6.0 items in risk files', () => {
  it('accepts every form auditors write, and names an unknown 6.0 item with a did-you-mean', () => {
    const ok = analyzeRisk(
      withGuidelines('["シス14②", "シス14-2", "Sys14(2)", "Sys 14②", "企6⑤", "システム運用編 17 ①", "6.5"]'),
    );
    assert.deepStrictEqual(open(ok), []);
    const bad = analyzeRisk(withGuidelines('["シス17⑨"]'));
    const [f] = open(bad).filter(x => x.rule === 'risk-unknown-guideline-item');
    assert.ok(f, 'an item the catalog does not know is reported');
    assert.match(f.message, /シス17⑨/);
  });

  it("completes the lead edition's items in the short form, those of the risk's scenarios first", () => {
    const m = marked(
      baseDoc({ scenarios: ['3.4②'] }).replace('measure: m\n', 'measure: m\n        guidelines: [<|>]\n'),
    );
    const items = sorted(completionsAt(analyzeRisk(m.text), m.cursor, context()));
    const wanted = catalog.scenarios.get('3.4②')!.mhlw6; // システム運用編 17 ②, 企画管理編 5 ②
    assert.deepStrictEqual(
      items
        .slice(0, wanted.length)
        .map(i => i.label)
        .sort(),
      ['シス17②', '企5②'].sort(),
    );
    const sys = items.find(i => i.label === 'シス17②')!;
    assert.strictEqual(sys.detail, 'MHLW 6.0 Sys 17② Protecting the logs');
    assert.ok(sys.filterText!.includes('システム運用編 17 ②') && sys.filterText!.includes('Sys17(2)'));
    // 5.2 items come after every 6.0 item, and are named with their edition.
    const firstOld = items.findIndex(i => i.detail?.startsWith('MHLW 5.2'));
    assert.ok(firstOld > items.filter(i => i.detail?.startsWith('MHLW 6.0')).length - 1);
    // With the assessment on MHLW 5.2, 5.2 leads.
    const m52 = marked(withGuidelines('[<|>]', '').replace('guideline: metimic-1.1', 'guideline: mhlw-5.2'));
    const first = sorted(completionsAt(analyzeRisk(m52.text), m52.cursor, context()))[0];
    assert.match(first.detail!, /^MHLW 5\.2 /);
  });

  it('hover on a 6.0 item names it with its edition and kind', () => {
    const m = marked(withGuidelines('["シス1<|>4②"]'));
    const h = hoverAt(analyzeRisk(m.text), m.cursor, context({ lang: 'ja' }))!;
    assert.match(h.markdown, /^\*\*システム運用編 14 ②\*\* — ガイドライン項目 \(医療GL 6\.0 シス14②\)/);
    assert.match(h.markdown, /- 種別: 遵守事項/);
  });

  describe('5.2 → 6.0 migration', () => {
    it('hover on a 5.2 item shows its 6.0 counterparts and their basis', () => {
      const m = marked(withGuidelines('["6.<|>5"]'));
      const h = hoverAt(analyzeRisk(m.text), m.cursor, context())!;
      assert.match(h.markdown, /- In edition 6\.0 \(MHLW 6\.0\):\n {2}- MHLW 6\.0 Sys 14 /);
      assert.match(h.markdown, /- not verified: Our reading/);
    });

    it('offers to add the counterparts beside a 5.2 item in a flow list, or to replace it', () => {
      const m = marked(withGuidelines('["6.3 C<|>3", "6.5"]'));
      const a = analyzeRisk(m.text);
      const fixes = actionsAt(a, m.cursor, context());
      assert.deepStrictEqual(
        fixes.map(f => f.title),
        [
          'Add the edition 6.0 counterparts 企4, シス14①, シス14④ beside 6.3 C3',
          'Replace 6.3 C3 with its edition 6.0 counterparts 企4, シス14①, シス14④',
        ],
      );
      assert.strictEqual(fixes[0].isPreferred, true);
      const added = applyEdits(a.text, fixes[0].edit[a.uri]);
      assert.ok(added.includes('guidelines: ["6.3 C3", 企4, シス14①, シス14④, "6.5"]'), added);
      const replaced = applyEdits(a.text, fixes[1].edit[a.uri]);
      assert.ok(replaced.includes('guidelines: [企4, シス14①, シス14④, "6.5"]'), replaced);
      for (const text of [added, replaced]) assert.deepStrictEqual(open(analyzeRisk(text)), []);
    });

    it('adds to a block list in its own indentation, and skips counterparts already listed', () => {
      const text = withGuidelines('\n          - "7.3"\n          - 企15④').replace('guidelines: \n', 'guidelines:\n');
      const a = analyzeRisk(text);
      assert.deepStrictEqual(open(a), []);
      const [add] = actionsAt(a, text.indexOf('"7.3"') + 2, context());
      const out = applyEdits(a.text, add.edit[a.uri]);
      assert.ok(
        out.includes(
          '          - "7.3"\n          - 企15③\n          - 企15⑤\n          - シス11①\n          - 企15④\n',
        ),
        out,
      );
      assert.deepStrictEqual(open(analyzeRisk(out)), []);
    });

    it('offers nothing on a 6.0 item, off the list, or when the assessment follows MHLW 5.2', () => {
      const six = marked(withGuidelines('["シス1<|>4②"]'));
      assert.deepStrictEqual(actionsAt(analyzeRisk(six.text), six.cursor, context()), []);
      const off = marked(withGuidelines('["6.5"]').replace('measure: m', 'measure: <|>m'));
      assert.deepStrictEqual(actionsAt(analyzeRisk(off.text), off.cursor, context()), []);
      const old = marked(withGuidelines('["6.<|>5"]').replace('guideline: metimic-1.1', 'guideline: mhlw-5.2'));
      assert.deepStrictEqual(actionsAt(analyzeRisk(old.text), old.cursor, context()), []);
      // The editor setting decides where the assessment names no edition it could follow.
      const plain = marked(withGuidelines('["6.<|>5"]').replace('  guideline: metimic-1.1\n', ''));
      assert.strictEqual(actionsAt(analyzeRisk(plain.text), plain.cursor, context()).length, 2);
      assert.deepStrictEqual(actionsAt(analyzeRisk(plain.text), plain.cursor, context({ guideline: 'mhlw-5.2' })), []);
    });
  });

  describe('what the risk hovers do not claim', () => {
    it('the acceptance level says the S-D thresholds are the default matrix unless the assessment sets its own', () => {
      const m = marked(baseDoc().replace('acceptance: C', 'acceptance: <|>C'));
      const h = hoverAt(analyzeRisk(m.text), m.cursor, context({ lang: 'ja' }))!;
      assert.ok(h.markdown.includes(catalog.data.riskModel.matrix.note!.ja), h.markdown);
      const own = marked(
        baseDoc({ assessment: '  matrix: { S: 16, A: 10, B: 6, C: 3, D: 1 }\n' }).replace(
          'acceptance: C',
          'acceptance: <|>C',
        ),
      );
      assert.ok(
        !hoverAt(analyzeRisk(own.text), own.cursor, context({ lang: 'ja' }))!.markdown.includes('既定のマトリクス'),
      );
    });

    it('the level hover ends with the line that iryo-guard supports, and does not certify, conformity', () => {
      const m = marked(baseDoc().replace('    impact: 2\n', '    impact: 2\n    level: <|>C\n'));
      const h = hoverAt(analyzeRisk(m.text), m.cursor, context())!;
      assert.match(h.markdown, /Risk level C/);
      assert.match(
        h.markdown,
        /_iryo-guard supports checking conformity with the guidelines; it does not certify conformity\._$/,
      );
    });
  });
});
