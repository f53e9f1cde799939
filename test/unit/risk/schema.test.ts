/** The JSON Schema for other YAML tools: in step with the key table, and the samples validate against it. */
import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { KEYS } from '../../../server/src/engine/risk/keys';
import { riskFileSchema } from '../../../server/src/tools/risk-schema';
import { catalog, ROOT } from '../../helpers';

const schemaFile = path.join(ROOT, 'catalog/schema/risk-file.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
const samples = fs.readdirSync(path.join(ROOT, 'samples')).filter(f => /\.risk\.ya?ml$/.test(f));

describe('risk-file JSON Schema', () => {
  it(
    'is what the generator produces from the key table (regenerate with node ' + 'out/server/src/tools/risk-schema.js)',
    () => {
      assert.deepStrictEqual(schema, riskFileSchema(catalog));
    },
  );

  it('lists every key and Japanese alias', () => {
    for (const [kind, specs] of Object.entries(KEYS)) {
      const props = kind === 'root' ? schema.properties : schema.definitions[kind].properties;
      for (const s of specs) for (const n of [s.key, ...s.ja]) assert.ok(props[n], `${kind}.${n}`);
    }
  });

  it('has samples to validate', () => assert.ok(samples.length >= 2, samples.join(', ')));
  for (const f of samples) {
    it(`samples/${f} validates`, () => {
      const ok = validate(parse(fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8')));
      assert.ok(ok, JSON.stringify(validate.errors, null, 2));
    });
  }

  it('rejects unknown keys, out-of-range numbers and unknown treatments', () => {
    const base = parse(fs.readFileSync(path.join(ROOT, 'samples/ehr.risk.yaml'), 'utf8'));
    const bad = structuredClone(base);
    bad.risks[0].impact = 9;
    bad.risks[0].treatment = 'ignore';
    bad.risks[0].tresatment = 'x';
    assert.ok(!validate(bad));
    const paths = validate.errors!.map(e => `${e.instancePath} ${e.keyword}`);
    for (const p of ['/risks/0/impact maximum', '/risks/0/treatment enum', '/risks/0 additionalProperties'])
      assert.ok(paths.includes(p), paths.join('\n'));
  });
});

describe('TextMate grammar', () => {
  it('highlights every key and Japanese alias of the key table', () => {
    const g = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes/iryo-risk.tmLanguage.json'), 'utf8'));
    const match: string = g.repository.key.match;
    const listed = new Set(
      match.slice(match.indexOf('(?:assessment|') + 3, match.indexOf('|[\\w\\p{L}-]+))')).split('|'),
    );
    const missing = Object.values(KEYS)
      .flatMap(specs => specs.flatMap(s => [s.key, ...s.ja]))
      .filter(k => !listed.has(k));
    assert.deepStrictEqual(missing, []);
    const re = new RegExp(match.replace(/\\p\{L\}/g, '\\p{L}'), 'u');
    assert.deepStrictEqual(re.exec('    残存するリスク: { 影響度: 5 }')?.[1], '残存するリスク');
  });
});

describe('docs/risk-dsl.md', () => {
  const doc = fs.readFileSync(path.join(ROOT, 'docs/risk-dsl.md'), 'utf8');
  it('documents every key with its Japanese names, in both sections', () => {
    const [en, ja] = doc.split('<a id="日本語"></a>');
    for (const section of [en, ja]) {
      for (const specs of Object.values(KEYS))
        for (const s of specs) {
          assert.ok(section.includes(`| \`${s.key}\` | ${s.ja.map(j => `\`${j}\``).join(', ')} |`), s.key);
        }
    }
  });
  it('lists every risk diagnostic (rule ID) in both sections', () => {
    const [en, ja] = doc.split('<a id="日本語"></a>');
    for (const r of catalog.rules.values())
      if (r.family === 'risk') {
        assert.ok(en.includes(`| \`${r.id}\` |`) && ja.includes(`| \`${r.id}\` |`), r.id);
      }
  });
});
