/** AWS delivery facts and defaults (catalog/aws): both validate against their schemas; the references inside hold. */
import * as assert from 'assert';
import Ajv from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../../..');
const CFN_TYPE = /^AWS::[A-Za-z0-9]+::[A-Za-z0-9]+$/;

interface Relation {
  source: string;
  path: string;
}
interface Delivery {
  id: string;
  targetType: string;
  relations: Relation[];
  encryption: { mode: string; works: boolean }[];
  keyPolicy?: unknown[];
}
interface ResourceRule {
  id: string;
  resourceType: string;
  requires: { notTargetOf?: string[] };
}
interface Default {
  id: string;
  resourceType: string;
  alsoAt?: { resourceType: string }[];
  affects?: string[];
}

const read = (file: string): unknown => parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const compile = (schemaFile: string) =>
  new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
    JSON.parse(fs.readFileSync(path.join(ROOT, schemaFile), 'utf8')),
  );

const validateDelivery = compile('catalog/schema/aws-delivery.schema.json');
const validateDefaults = compile('catalog/schema/aws-defaults.schema.json');
const delivery = read('catalog/aws/delivery.yaml') as { deliveries: Delivery[]; resourceRules: ResourceRule[] };
const defaults = read('catalog/aws/defaults.yaml') as { defaults: Default[] };

describe('AWS facts catalog (catalog/aws)', () => {
  it('delivery.yaml validates against aws-delivery.schema.json', () => {
    assert.ok(validateDelivery(delivery), JSON.stringify(validateDelivery.errors, null, 2));
  });

  it('defaults.yaml validates against aws-defaults.schema.json', () => {
    assert.ok(validateDefaults(defaults), JSON.stringify(validateDefaults.errors, null, 2));
  });

  it('names CloudFormation types as AWS::X::Y everywhere', () => {
    const types = [
      ...delivery.deliveries.flatMap(d => [d.targetType, ...d.relations.map(r => r.source)]),
      ...delivery.resourceRules.map(r => r.resourceType),
      ...defaults.defaults.flatMap(d => [d.resourceType, ...(d.alsoAt ?? []).map(a => a.resourceType)]),
    ];
    assert.ok(types.length > 0);
    for (const t of types) assert.match(t, CFN_TYPE);
  });

  it('uses unique ids, and every id it points to exists', () => {
    const ids = delivery.deliveries.map(d => d.id);
    assert.deepStrictEqual(ids.length, new Set(ids).size, 'duplicate delivery id');
    const ruleIds = delivery.resourceRules.map(r => r.id);
    assert.deepStrictEqual(ruleIds.length, new Set(ruleIds).size, 'duplicate resource rule id');
    const defaultIds = defaults.defaults.map(d => d.id);
    assert.deepStrictEqual(defaultIds.length, new Set(defaultIds).size, 'duplicate default id');
    const known = new Set(ids);
    for (const r of delivery.resourceRules) {
      for (const id of r.requires.notTargetOf ?? []) assert.ok(known.has(id), `${r.id} -> ${id}`);
    }
    for (const d of defaults.defaults) {
      for (const id of d.affects ?? []) assert.ok(known.has(id), `${d.id} -> ${id}`);
    }
  });

  it('states each encryption option once, with a key policy wherever a customer managed key works', () => {
    for (const d of delivery.deliveries) {
      const modes = d.encryption.map(e => e.mode);
      assert.strictEqual(modes.length, new Set(modes).size, `${d.id}: repeated encryption mode`);
      if (d.encryption.some(e => e.mode === 'customer-kms-with-policy' && e.works))
        assert.ok(d.keyPolicy?.length, `${d.id}: customer key works but no keyPolicy statement`);
    }
  });

  it('keeps the facts the fixes depend on', () => {
    const byId = new Map(delivery.deliveries.map(d => [d.id, d]));
    const works = (id: string, mode: string) => byId.get(id)?.encryption.find(e => e.mode === mode)?.works;
    assert.strictEqual(works('cloudwatch-alarm-to-sns', 'aws-managed-kms'), false);
    assert.strictEqual(works('cloudwatch-alarm-to-sns', 'customer-kms-with-policy'), true);
    assert.strictEqual(works('sns-subscription-to-sqs', 'aws-managed-kms'), false);
    assert.strictEqual(works('alb-access-logs', 'customer-kms-with-policy'), false);
    assert.strictEqual(works('s3-server-access-logs', 'sse-s3'), true);
    assert.ok(delivery.resourceRules.some(r => r.requires.notTargetOf?.includes('s3-server-access-logs')));
  });

  it('rejects an unverified entry that does not say what is unconfirmed, and unknown keys', () => {
    const bad = structuredClone(delivery);
    const first = bad.deliveries[0] as unknown as Record<string, unknown>;
    first.verified = false;
    delete first.unconfirmed;
    assert.strictEqual(validateDelivery(bad), false);
    const extra = structuredClone(defaults);
    (extra.defaults[0] as unknown as Record<string, unknown>).colour = 'blue';
    assert.strictEqual(validateDefaults(extra), false);
  });
});
