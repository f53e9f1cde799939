import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesDoc } from '../../../server/src/tools/rules-doc';
import { withRuleIdSchemas } from '../../../server/src/tools/settings-schema';
import { RULES } from '../../../server/src/engine/rules/registry';
import { catalog, ROOT } from '../../helpers';

describe('rule reference', () => {
  it('docs/rules.md is generated from the current catalog (run `npm run docs`)', () => {
    assert.strictEqual(fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8'), renderRulesDoc(catalog));
  });

  it('package.json offers exactly the catalog rule IDs in the rule settings (run `npm run docs`)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg, withRuleIdSchemas(pkg, catalog));
    const props = pkg.contributes.configuration.properties;
    assert.ok(props['iryoGuard.rules.disabled'].items.enum.includes('s3-bucket-kms'));
    assert.strictEqual(props['iryoGuard.severityOverrides'].propertyNames.enum.length, catalog.rules.size);
  });

  it('every implemented rule has catalog metadata, and every CloudFormation rule in the catalog is implemented', () => {
    const implemented = new Set(RULES.flatMap(r => [r.id, ...(r.alsoReports ?? [])]));
    for (const id of implemented) assert.ok(catalog.rules.has(id), `${id} has no catalog entry`);
    const cfnFamilies = new Set([
      'encryption-at-rest',
      'encryption-in-transit',
      'logging',
      'backup',
      'network-exposure',
      'identity',
      'detection',
      'data-location',
    ]);
    const orphans = [...catalog.rules.values()]
      .filter(r => cfnFamilies.has(r.family) && !implemented.has(r.id))
      .map(r => r.id);
    assert.deepStrictEqual(orphans, []);
  });
});
