import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compileCatalog, formatFault } from '../../../server/src/tools/compile-catalog';
import { normalizeScenarioId } from '../../../server/src/engine/catalog/ids';
import { catalog, ROOT } from '../../helpers';

/** Every scenario ID printed in the seed table (添付. 予見されるリスク of 002), read from the seed itself. */
function seedScenarioIds(): string[] {
  const seed = path.resolve(ROOT, '../shared/seeds/002_29afec9fe88ce250.txt');
  if (!fs.existsSync(seed)) return [];
  const text = fs.readFileSync(seed, 'utf8');
  const table = text.slice(text.indexOf('## 添付. 予見されるリスク'));
  return [...new Set([...table.matchAll(/^([123]\.\d{1,2}[①-⑳]?)\s/gm)].map(m => m[1]))];
}

describe('catalog', () => {
  it('holds the 86 minimum scenarios of 別紙2 in three categories', () => {
    assert.strictEqual(catalog.scenarios.size, 86);
    const by = (c: string) => [...catalog.scenarios.values()].filter(s => s.category === c).length;
    assert.deepStrictEqual([by('organizational'), by('physical'), by('technical')], [30, 9, 47]);
  });

  it('resolves every scenario ID of the seed table', function () {
    const ids = seedScenarioIds();
    if (!ids.length) this.skip();
    assert.strictEqual(ids.length, 86);
    for (const id of ids) assert.strictEqual(catalog.lookup(id, 'scenario')?.id, id, id);
  });

  it('accepts ASCII aliases of circled sub-numbers', () => {
    for (const alias of ['3.8-2', '3.8(2)', '3.8（2）', '３．８－２', ' 3.8② '])
      assert.strictEqual(catalog.lookup(alias, 'scenario')?.id, '3.8②', alias);
    assert.strictEqual(normalizeScenarioId('1.14-3'), '1.14③');
    assert.strictEqual(catalog.lookup('3.4-2')?.id, '3.4②');
  });

  it('maps scenarios to the MHLW items the reference gives', () => {
    assert.deepStrictEqual(catalog.scenarios.get('1.1①')?.mhlw, ['6.3 C3']);
    assert.deepStrictEqual(catalog.scenarios.get('1.2')?.mhlw, ['6.5 C5']);
  });

  it('holds the 11 threats of 表5-1 with their Japanese labels as aliases', () => {
    assert.strictEqual(catalog.threats.size, 11);
    for (const label of ['不正な閲覧・操作', 'ネットワーク上の盗聴・なりすまし', 'ランサムウェア感染', '災害等']) {
      assert.strictEqual(catalog.lookup(label)?.kind, 'threat', label);
    }
  });

  it('computes risk levels from impact × likelihood', () => {
    assert.strictEqual(catalog.levelFor(5, 3), 'A');
    assert.strictEqual(catalog.levelFor(5, 4), 'S');
    assert.strictEqual(catalog.levelFor(4, 2), 'B');
    assert.strictEqual(catalog.levelFor(2, 2), 'C');
    assert.strictEqual(catalog.levelFor(1, 3), 'D');
  });

  it('accepts Japanese treatment and perspective labels', () => {
    assert.strictEqual(catalog.labelled('treatments', '低減')?.id, 'reduce');
    assert.strictEqual(catalog.labelled('treatments', 'transfer')?.id, 'share');
    assert.strictEqual(catalog.labelled('perspectives', '技術的')?.id, 'technical');
  });

  it('resolves guideline items in both MHLW forms, including short aliases', () => {
    assert.strictEqual(catalog.lookup('6.5 C10', 'guideline')?.id, '6.5 C10');
    assert.strictEqual(catalog.lookup('6.5C10', 'guideline')?.id, '6.5 C10');
    assert.strictEqual(catalog.lookup('シス14①', 'guideline')?.id, 'システム運用編 14 ①');
  });

  it('lists the services the seeds name, with resource types', () => {
    for (const id of [
      'ec2',
      'ebs',
      'efs',
      's3',
      's3-glacier',
      's3-object-lock',
      'kms',
      'cloudtrail',
      'config',
      'guardduty',
      'security-hub',
      'inspector',
      'trusted-advisor',
      'cloudwatch',
      'cloudwatch-logs',
      'vpc',
      'vpc-flow-logs',
      'site-to-site-vpn',
      'direct-connect',
      'waf',
      'shield',
      'iam',
      'organizations',
      'workspaces',
      'rds',
      'aurora',
      'dynamodb',
      'backup',
      'backup-vault-lock',
      'time-sync',
      'acm',
      'directory-service',
      'route53',
      'storage-gateway',
      'athena',
      'sns',
      'eventbridge',
      'systems-manager',
      'elb',
    ])
      assert.ok(catalog.services.has(id), id);
    assert.strictEqual(catalog.serviceByType.get('AWS::S3::Bucket')?.id, 's3');
  });

  it('suggests close IDs for unknown ones', () => {
    assert.ok(catalog.suggest('9.9').includes('3.9'));
    assert.deepStrictEqual(catalog.suggest('s3-bucket-encrypton', 'rule').slice(0, 1), ['s3-bucket-encryption']);
  });

  describe('compiler', () => {
    function brokenCopy(edit: (dir: string) => void): string {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-'));
      fs.cpSync(path.join(ROOT, 'catalog'), dir, { recursive: true });
      edit(dir);
      return dir;
    }

    it('compiles the shipped catalog without faults', () => {
      const r = compileCatalog(path.join(ROOT, 'catalog'));
      assert.deepStrictEqual(r.faults.map(formatFault), []);
    });

    it('names the file, line and path of a schema fault', () => {
      const dir = brokenCopy(d => {
        const f = path.join(d, 'threats.yaml');
        fs.writeFileSync(
          f,
          fs
            .readFileSync(f, 'utf8')
            .replace(/^(\s+)label: \{ ja: "不正な閲覧・操作"/m, '$1lable: { ja: "不正な閲覧・操作"'),
        );
      });
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(
        faults.some(f => /^catalog\/threats\.yaml:\d+:\d+: \/threats\/0: unknown key "lable"$/.test(f)),
        faults.join('\n'),
      );
    });

    it('reports a rule naming a scenario that does not exist', () => {
      const dir = brokenCopy(d => {
        const f = path.join(d, 'rules/encryption-at-rest.yaml');
        const text = fs.readFileSync(f, 'utf8').replace('scenarios: ["3.1①", "1.8", "2.2"]', 'scenarios: ["3.99"]');
        fs.writeFileSync(f, text);
      });
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(
        faults.some(f => f.includes('unknown scenario "3.99"') && f.includes('rds-storage-encrypted')),
        faults.join('\n'),
      );
    });

    it('reports a rule filed under another family than its own', () => {
      const dir = brokenCopy(d => {
        const f = path.join(d, 'rules/encryption-at-rest.yaml');
        const text = fs.readFileSync(f, 'utf8').replace('family: encryption-at-rest', 'family: logging');
        fs.writeFileSync(f, text);
      });
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(
        faults.some(
          f => f.startsWith('catalog/rules/encryption-at-rest.yaml') && f.includes('belongs in rules/logging.yaml'),
        ),
        faults.join('\n'),
      );
    });

    it('reports YAML syntax errors with their line', () => {
      const dir = brokenCopy(d => fs.appendFileSync(path.join(d, 'services.yaml'), '\n  - id: [oops\n'));
      const faults = compileCatalog(dir).faults.map(formatFault);
      assert.ok(
        faults.some(f => /^catalog\/services\.yaml:\d+:\d+: /.test(f)),
        faults.join('\n'),
      );
    });
  });
});
