/** The samples are the product's demo: the reference templates are clean, the others show what they claim. */
import * as assert from 'assert';
import { templateOf } from '../../../server/src/engine';
import * as fs from 'fs';
import * as path from 'path';
import { open, ROOT, run } from '../../helpers';

const read = (f: string) => fs.readFileSync(path.join(ROOT, 'samples', f), 'utf8');

describe('samples', () => {
  for (const f of [
    'ehr-template.yaml',
    'ehr-template.json',
    'ehr-platform.yaml',
    'ccat-like-template.yaml',
    'ehr.risk.yaml',
    'ccat-like.risk.yaml',
  ]) {
    it(`${f} (a compliant reference) yields no finding`, () => {
      assert.deepStrictEqual(
        open(run(path.join(ROOT, 'samples', f), read(f))).map(x => `${x.rule} ${x.message}`),
        [],
      );
    });
  }

  it('account-baseline.yaml yields no finding with account-level rules on', () => {
    assert.deepStrictEqual(
      open(run('account-baseline.yaml', read('account-baseline.yaml'), { accountLevelRules: 'always' })).map(
        x => `${x.rule} ${x.message}`,
      ),
      [],
    );
  });

  it('the JSON twin has the same resources as the YAML template', () => {
    const types = (f: string) => templateOf(run(f, read(f)))!.resources.map(r => `${r.logicalId}:${r.type}`);
    assert.deepStrictEqual(types('ehr-template.json'), types('ehr-template.yaml'));
  });

  it('the non-compliant template shows findings from every family it was written to show', () => {
    const rules = new Set(open(run('noncompliant-template.yaml', read('noncompliant-template.yaml'))).map(f => f.rule));
    for (const r of [
      's3-bucket-encryption',
      'rds-storage-encrypted',
      'rds-publicly-accessible',
      'ec2-sg-open-admin-port',
      'logs-audit-retention',
      'rds-master-password-plaintext',
    ])
      assert.ok(rules.has(r), r);
  });

  it('the broken template shows one syntax error at the unclosed bracket', () => {
    const a = run('broken-template.yaml', read('broken-template.yaml'));
    assert.deepStrictEqual(
      a.findings.map(f => [f.rule, f.range.start.line, f.range.start.character]),
      [['syntax-error', 6, 12]],
    );
  });
});
