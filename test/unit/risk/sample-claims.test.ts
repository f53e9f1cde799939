/**
 * The samples' controls that cite rules as proof cite rules that prove that measure: a technical control, whose
 * services include one the rule checks, with the rule applicable to and silent on the linked template.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { riskOf } from '../../../server/src/engine';
import { RULES } from '../../../server/src/engine/rules/registry';
import { catalog, open, ROOT } from '../../helpers';
import { analyzeSample } from './util';

const SAMPLES = fs.readdirSync(path.join(ROOT, 'samples')).filter(f => /\.risk\.ya?ml$/.test(f));

describe('sample risk files: claimed rules prove their measure', () => {
  for (const f of SAMPLES) {
    const a = analyzeSample(f);
    const doc = riskOf(a)!.doc;
    const controls = doc.risks.flatMap(r => r.controls.map(c => ({ r, c }))).filter(x => x.c.rules.length);

    it(`${f}: controls cite rules, and every citing control is technical`, () => {
      assert.ok(controls.length >= 3, `${controls.length} controls cite rules`);
      const bad = controls.filter(x => catalog.labelled('perspectives', x.c.perspective!.text)?.id !== 'technical');
      assert.deepStrictEqual(
        bad.map(x => `${x.r.id!.text}: ${x.c.measure!.text}`),
        [],
      );
    });

    it(`${f}: each cited rule checks one of the control's services`, () => {
      const bad: string[] = [];
      for (const { r, c } of controls) {
        const services = new Set(c.services.map(s => catalog.lookup(s.text, 'service')?.id));
        for (const rule of c.rules) {
          const meta = catalog.rules.get(rule.text.trim())!;
          if (!meta.services.some(s => services.has(s)))
            bad.push(`${r.id!.text} ${meta.id} (${meta.services.join(', ')}) vs [${[...services].join(', ')}]`);
        }
      }
      assert.deepStrictEqual(bad, []);
    });

    it(`${f}: a rule another check also reports is cited with that check`, () => {
      // s3-bucket-kms fires only on AES256; a bucket with no encryption at all is s3-bucket-encryption's finding.
      const primaryOf = new Map(RULES.flatMap(r => (r.alsoReports ?? []).map(x => [x, r.id] as const)));
      const bad = controls.flatMap(({ r, c }) => {
        const cited = new Set(c.rules.map(x => x.text.trim()));
        return [...cited]
          .filter(id => primaryOf.has(id) && !cited.has(primaryOf.get(id)!))
          .map(id => `${r.id!.text}: ${id} without ${primaryOf.get(id)}`);
      });
      assert.deepStrictEqual(bad, []);
    });

    it(`${f}: the linked template backs every claim (no contradicted or inapplicable rule)`, () => {
      assert.deepStrictEqual(
        open(a).map(x => `${x.rule}: ${x.message}`),
        [],
      );
    });
  }
});
