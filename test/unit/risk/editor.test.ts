/** Editor features on the EHR sample: hover, completion, definition, references, symbols, code lens. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { codeLensesFor, completionsAt, definitionAt, hoverAt, referencesAt } from '../../../server/src/engine';
import { catalog, context, ROOT } from '../../helpers';
import { marked } from '../../markers';
import { analyzeRisk, analyzeSample, baseDoc } from './util';

const a = analyzeSample('ehr.risk.yaml');
const ctx = context();
/** Offset of the n-th occurrence of `needle` (plus `delta`). */
function at(needle: string, delta = 0, n = 0, text = a.text): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `${needle} not found`);
  }
  return i + delta;
}
const lineOf = (offset: number, text = a.text) => text.slice(0, offset).split('\n').length - 1;

describe('risk editor features', () => {
  describe('hover', () => {
    it('on a scenario ID: both languages, range on the ID', () => {
      const o = at('"3.8②"', 2);
      const h = hoverAt(a, o, ctx)!;
      assert.match(h.markdown, /^\*\*3\.8②\*\* — Risk scenario \(Annex 2\)/);
      assert.ok(h.markdown.includes(catalog.scenarios.get('3.8②')!.title.ja));
      assert.deepStrictEqual(h.range, a.lines.range(at('"3.8②"'), at('"3.8②"') + 6));
    });

    it('on level: the matrix cell and score', () => {
      const o = at('level: A', 7, 1);
      const h = hoverAt(a, o, ctx)!;
      assert.match(h.markdown, /Risk level A\*\* \(High\) — impact 5 × likelihood 3 = 15/);
      assert.match(h.markdown, /the catalog matrix: S ≥ 20, A ≥ 12, B ≥ 8, C ≥ 4, D ≥ 1/);
      assert.match(h.markdown, /\| 5 \| C \| B \| \*\*\[A\]\*\* \| S \| S \|/);
      const key = hoverAt(a, at('level: A', 1, 1), ctx)!;
      assert.match(key.markdown, /^\*\*level\*\* \(リスクレベル\)/);
      assert.match(key.markdown, /= 15/);
    });

    it('on a residual level, the residual cell', () => {
      const h = hoverAt(a, at('level: C }', 7), ctx)!;
      assert.match(h.markdown, /impact 5 × likelihood 1 = 5/);
    });

    it('on threats (Japanese label), MHLW 6.0 short forms, rules, services and flow references', () => {
      assert.match(
        hoverAt(a, at('ネットワーク上の盗聴・なりすまし', 3), ctx)!.markdown,
        /^\*\*eavesdropping-spoofing\*\*/,
      );
      assert.match(hoverAt(a, at('シス13⑫', 2), ctx)!.markdown, /^\*\*システム運用編 13 ⑫\*\* — Guideline item/);
      assert.match(
        hoverAt(a, at('rules: [s3-bucket-encryption', 10), ctx)!.markdown,
        /^\*\*s3-bucket-encryption\*\* — iryo-guard rule/,
      );
      assert.match(hoverAt(a, at('services: [guardduty', 12), ctx)!.markdown, /^\*\*guardduty\*\* — AWS service/);
      const flow = hoverAt(a, at('flow: F1', 7), ctx)!;
      assert.match(flow.markdown, /^\*\*F1\*\* — flow\n\n医療機関の端末から ALB/);
      assert.match(hoverAt(a, at('treatment: share', 12), ctx)!.markdown, /^\*\*share\*\* — Share\/transfer/);
    });

    it('on a claimed resource: its type and template line', () => {
      const h = hoverAt(a, at('resources: [PatientDocuments', 13), ctx)!;
      assert.match(h.markdown, /^\*\*PatientDocuments\*\* — `AWS::S3::Bucket`\n\nehr-platform\.yaml:\d+/);
    });
  });

  describe('completion', () => {
    const sorted = (items: ReturnType<typeof completionsAt>) =>
      [...items].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));

    it("scenarios of the risk's threat come first, titled in both languages", () => {
      const m = marked(
        baseDoc()
          .replace('threat: unauthorized-access', 'threat: eavesdropping-spoofing')
          .replace(/scenarios: \[.*\]/, 'scenarios: [<|>'),
      );
      const b = analyzeRisk(m.text);
      const items = sorted(completionsAt(b, m.cursor, ctx));
      const first = items.filter(i => i.sortText!.startsWith('0-')).map(i => i.label);
      const expected = [...catalog.scenarios.values()]
        .filter(s => s.threats.includes('eavesdropping-spoofing'))
        .map(s => s.id);
      assert.deepStrictEqual(first, expected);
      const item = items.find(i => i.label === '3.8②')!;
      assert.strictEqual(item.detail, catalog.scenarios.get('3.8②')!.title.en);
      assert.ok(item.documentation!.includes(catalog.scenarios.get('3.8②')!.title.ja));
      assert.strictEqual(items.length, 86);
    });

    it('works while the YAML is half-typed, replacing the typed prefix', () => {
      const m = marked(baseDoc().replace(/scenarios: \[.*\]/, 'scenarios: ["[[3.1<|>]]'));
      const b = analyzeRisk(m.text);
      assert.ok(b.findings.some(f => f.rule === 'syntax-error'));
      const items = completionsAt(b, m.cursor, ctx);
      const item = items.find(i => i.label === '3.13②')!;
      assert.deepStrictEqual(item.range, b.lines.range(m.range.start, m.range.end));
      assert.strictEqual(item.insertText, '3.13②');
    });

    it('keys, English and Japanese, at a key position', () => {
      const m = marked(baseDoc().replace('    impact: 2\n', '    impact: 2\n    <|>\n'));
      const labels = completionsAt(analyzeRisk(m.text), m.cursor, ctx).map(i => i.label);
      for (const k of ['likelihood', '顕在化率', 'residual', '残存するリスク', 'treatment', '対応'])
        assert.ok(labels.includes(k), k);
      assert.ok(!labels.includes('perspective'));
    });

    it("rule IDs ranked by the risk's scenarios; never engine or risk rules", () => {
      const m = marked(baseDoc({ scenarios: ['3.1①'] }).replace('measure: m\n', 'measure: m\n        rules: [<|>]\n'));
      const items = sorted(completionsAt(analyzeRisk(m.text), m.cursor, ctx));
      // Rules that serve the risk's scenario come first, whichever they are.
      const serving = [...catalog.rules.values()].filter(r => r.scenarios.includes('3.1①')).map(r => r.id);
      assert.ok(serving.length >= 2);
      assert.deepStrictEqual(
        items
          .slice(0, serving.length)
          .map(i => i.label)
          .sort(),
        [...serving].sort(),
      );
      assert.ok(!items.some(i => i.label.startsWith('risk-') || i.label === 'syntax-error'));
    });

    it('flow IDs, levels (computed first), treatments and guideline editions', () => {
      const flowItems = completionsAt(a, at('flow: F1', 6), ctx);
      assert.deepStrictEqual(
        flowItems.map(i => i.label),
        ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'],
      );
      const lv = sorted(completionsAt(a, at('level: A', 7, 1), ctx));
      assert.strictEqual(lv[0].label, 'A');
      const tr = completionsAt(a, at('treatment: share', 11), ctx).map(i => i.label);
      assert.deepStrictEqual(tr, ['reduce', 'avoid', 'share', 'accept', 'not-applicable']);
      assert.ok(completionsAt(a, at('guideline: metimic', 11), ctx).some(i => i.label === 'mhlw-6.0'));
    });
  });

  describe('definition and references', () => {
    it('a flow reference goes to the flow', () => {
      const locs = definitionAt(a, at('flow: F3', 7), ctx);
      assert.deepStrictEqual(locs, [{ uri: a.uri, range: a.lines.range(at('id: F3', 4), at('id: F3', 6)) }]);
    });

    it('a rule ID goes to its documentation (docs/rules.md, else the catalog entry)', () => {
      const [loc] = definitionAt(a, at('rules: [s3-bucket-encryption', 10), ctx);
      const docs = path.join(ROOT, 'docs/rules.md');
      const file = fs.existsSync(docs) ? docs : path.join(ROOT, 'catalog/rules/s3.yaml');
      assert.ok(loc.uri.endsWith(fs.existsSync(docs) ? 'docs/rules.md' : 'catalog/rules/s3.yaml'), loc.uri);
      assert.match(fs.readFileSync(file, 'utf8').split('\n')[loc.range.start.line], /s3-bucket-encryption/);
    });

    it('an iac path goes to the template; a claimed resource to its logical ID', () => {
      const [tpl] = definitionAt(a, at('ehr-platform.yaml]', 2), ctx);
      assert.ok(tpl.uri.endsWith('/samples/ehr-platform.yaml'));
      const [res] = definitionAt(a, at('resources: [PatientDocuments', 14), ctx);
      const lines = fs.readFileSync(path.join(ROOT, 'samples/ehr-platform.yaml'), 'utf8').split('\n');
      assert.strictEqual(
        lines[res.range.start.line].slice(res.range.start.character, res.range.end.character),
        'PatientDocuments',
      );
    });

    it('references: every risk citing a scenario, every use of a flow', () => {
      const refs = referencesAt(a, at('"3.13①"', 2), ctx);
      assert.deepStrictEqual(
        refs.map(r => r.range.start.line),
        [lineOf(at('"3.13①"'))],
      );
      const flows = referencesAt(a, at('id: F1', 4), ctx);
      const expected = [at('id: F1', 4), ...[0, 1, 2, 3].map(n => at('flow: F1', 6, n))].map(o => lineOf(o));
      assert.deepStrictEqual(
        flows.map(r => r.range.start.line),
        expected,
      );
    });
  });

  it('document symbols: assessment, flows, risks with their controls', () => {
    const names = a.symbols.map(s => `${s.kind}:${s.name}`);
    assert.strictEqual(names[0], 'assessment:ehr-cloud');
    assert.deepStrictEqual(
      names.filter(n => n.startsWith('flow:')),
      ['F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'].map(f => `flow:${f}`),
    );
    assert.strictEqual(names.filter(n => n.startsWith('risk:')).length, 29);
    const r01 = a.symbols.find(s => s.name === 'R01')!;
    assert.deepStrictEqual(
      r01.children!.map(c => c.name),
      ['R01-C1', 'R01-C2'],
    );
    assert.deepStrictEqual(r01.selectionRange, a.lines.range(at('id: R01', 4), at('id: R01', 7)));
  });

  it('code lens on assessment: coverage and open IaC findings', () => {
    const lenses = codeLensesFor(a, ctx);
    assert.deepStrictEqual(
      lenses.map(l => l.title),
      ['86 / 86 minimum scenarios covered, 0 open IaC findings', 'Show report', 'Draft disclosure'],
    );
    assert.deepStrictEqual(lenses[1].command, { id: 'iryoGuard.openCoverageReport', args: [a.uri] });
    assert.deepStrictEqual(lenses[2].command, { id: 'iryoGuard.openDisclosure', args: [a.uri] });
    assert.strictEqual(lenses[0].range.start.line, lineOf(at('assessment:')));
    const b = analyzeRisk(baseDoc({ scenarios: ['1.2', '3.8②'] }), { lang: 'ja' });
    assert.deepStrictEqual(
      codeLensesFor(b, context({ lang: 'ja' })).map(l => l.title),
      ['最低限のリスクシナリオ 2 / 86 件に対応、IaC の未解決の指摘 0 件', 'レポートを表示', '開示書の下書き'],
    );
  });
});
