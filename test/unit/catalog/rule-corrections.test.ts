/** catalog/crosswalk/rule-corrections.yaml: corrected scenario and MHLW 5.2 references for the rules. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { catalog, ROOT } from '../../helpers';

interface Correction {
  rule: string;
  scenarios: string[];
  guidelines: string[];
  was: { scenarios: string[]; guidelines: string[] };
  reason: string;
}
const file = path.join(ROOT, 'catalog/crosswalk/rule-corrections.yaml');
const data = parse(fs.readFileSync(file, 'utf8')) as { corrections: Correction[]; unchanged: string[] };
const byRule = new Map(data.corrections.map(c => [c.rule, c]));
const fix = (id: string) => byRule.get(id)!;

describe('rule reference corrections', () => {
  it('matches its schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'catalog/schema/rule-corrections.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });

  it('names only existing rules, scenarios and MHLW 5.2 items', () => {
    for (const c of data.corrections) {
      assert.ok(catalog.rules.has(c.rule), c.rule);
      for (const s of c.scenarios) assert.ok(catalog.scenarios.has(s), `${c.rule}: ${s}`);
      for (const g of c.guidelines) assert.ok(catalog.guidelineItems.has(`mhlw-5.2:${g}`), `${c.rule}: ${g}`);
    }
    for (const id of data.unchanged) assert.ok(catalog.rules.has(id), id);
  });

  it('accounts for every rule that cites scenarios or guideline items, once', () => {
    const listed = [...data.corrections.map(c => c.rule), ...data.unchanged];
    assert.strictEqual(new Set(listed).size, listed.length);
    const citing = [...catalog.rules.values()].filter(r => r.family !== 'core' && r.family !== 'risk').map(r => r.id);
    assert.deepStrictEqual([...listed].sort(), [...citing].sort());
  });

  it('each entry either still describes the rule as it stands, or has been applied', () => {
    for (const c of data.corrections) {
      const r = catalog.rules.get(c.rule)!;
      const now = JSON.stringify([r.scenarios, r.guidelines]);
      const was = JSON.stringify([c.was.scenarios, c.was.guidelines]);
      const corrected = JSON.stringify([c.scenarios, c.guidelines]);
      assert.ok(now === was || now === corrected, `${c.rule}: rule now cites ${now}`);
    }
  });

  it('"is it encrypted at all" rules cite 3.1①, not 3.13② or 3.10②', () => {
    const atAll = ['rds-storage-encrypted', 'ebs-volume-encrypted', 'efs-encrypted', 's3-bucket-encryption'];
    for (const id of [...atAll, 'dynamodb-kms-encryption']) {
      const c = fix(id);
      assert.ok(c.scenarios.includes('3.1①'), id);
      assert.ok(!c.scenarios.includes('3.13②') && !c.scenarios.includes('3.10②'), id);
    }
    assert.deepStrictEqual(fix('ebs-volume-encrypted').scenarios, ['3.1①', '1.1③', '1.8', '2.2']);
    assert.deepStrictEqual(fix('rds-storage-encrypted').guidelines, ['6.5', '6.4', '6.7']);
  });

  it('3.13② stays only with key management', () => {
    const corrected = data.corrections.filter(c => c.scenarios.includes('3.13②'));
    assert.deepStrictEqual(corrected, []);
    assert.ok(data.unchanged.includes('kms-key-rotation'));
    assert.deepStrictEqual(catalog.rules.get('kms-key-rotation')!.scenarios, ['3.13②']);
  });

  it('s3-public-access-block is access control, not 3.8① (IP addresses and ports)', () => {
    assert.deepStrictEqual(fix('s3-public-access-block').scenarios, ['3.1①']);
  });

  it('data location belongs to MHLW 5.2 8.3', () => {
    for (const id of ['region-outside-japan', 'region-patient-data-outside-japan']) {
      assert.deepStrictEqual(fix(id).guidelines, ['8.3'], id);
      assert.deepStrictEqual(fix(id).scenarios, [], id);
    }
    assert.strictEqual(catalog.guidelineItems.get('mhlw-5.2:8.3')!.item.title.ja, '外部保存を受託する事業者の選定基準及び情報の取扱いに関する基準');
  });
});
