/**
 * Which AWS services deliver into a resource of the project (alarms publishing to a topic, load balancers writing
 * logs to a bucket), read from the catalog's delivery facts (catalog/aws/delivery.yaml), so that a fix proposes only
 * what keeps those deliveries working. Found through the project's references, in any stack.
 */
import { Delivery, EncryptionMode, ResourceRule } from '../../catalog/types';
import { FixSpec, FixValue } from '../../fixes/spec';
import { phrase, Phrase } from '../../i18n/text';
import { get, isSeq, Node, scalarString } from '../../model/node';
import { Resource } from '../../model/template';
import { ProjectReferrer } from '../../project/view';
import { RuleContext } from '../types';
import { rotatingKey } from './baseline';
import { freeLogicalId } from './outcomes';

/** A relation's path as the project index spells a referrer's path, and the Key of a Key/Value entry it needs. */
interface PathMatcher {
  source: string;
  path: string;
  /** `LoadBalancerAttributes[access_logs.s3.bucket]`: the list and the Key its entry must have. */
  keyed?: { list: string; key: string };
}

const matchers = new Map<string, PathMatcher>();

/** The matcher of a catalog relation (a fixed set: each is read once per process). */
function matcherOf(source: string, pattern: string): PathMatcher {
  const key = `${source}\u0000${pattern}`;
  let m = matchers.get(key);
  if (!m) {
    m = readMatcher(source, pattern);
    matchers.set(key, m);
  }
  return m;
}

function readMatcher(source: string, pattern: string): PathMatcher {
  const keyed = /^([^[]+)\[([^\]]+)\]$/.exec(pattern);
  if (keyed && keyed[2] !== '') return { source, path: `${keyed[1]}.Value`, keyed: { list: keyed[1], key: keyed[2] } };
  return { source, path: pattern.replace(/\[\]/g, '') };
}

function keyedEntryExists(r: Resource, keyed: { list: string; key: string }): boolean {
  const list = get(r.properties, keyed.list);
  return isSeq(list) && list.items.some(e => scalarString(get(e, 'Key')) === keyed.key);
}

function relates(x: ProjectReferrer, m: PathMatcher): boolean {
  if (x.resource.type !== m.source || x.path !== m.path) return false;
  return !m.keyed || keyedEntryExists(x.resource, m.keyed);
}

/** The deliveries into `r` that the project shows (a source resource naming it at a delivery property). */
export function deliveriesInto(ctx: RuleContext, r: Resource): Delivery[] {
  // Several rules and both the fix and its reason ask for the same resource: once per analysis.
  return ctx.once(`deliveriesInto\u0000${r.logicalId}`, () => findDeliveries(ctx, r));
}

function findDeliveries(ctx: RuleContext, r: Resource): Delivery[] {
  const all = ctx.catalog.data.deliveries ?? [];
  const candidates = all.filter(d => d.targetType === r.type);
  if (!candidates.length) return [];
  const referrers = ctx.project.referrers(r);
  if (!referrers.length) return [];
  return candidates.filter(d =>
    d.relations.some(rel => {
      const m = matcherOf(rel.source, rel.path);
      return referrers.some(x => relates(x, m));
    }),
  );
}

/** The deliveries among `ds` that stop working with encryption `mode` (an unlisted mode is not known to work). */
export function brokenBy(ds: readonly Delivery[], mode: EncryptionMode): Delivery[] {
  return ds.filter(d => d.encryption && !d.encryption.some(e => e.mode === mode && e.works));
}

/** Service principals a customer managed key must admit for these deliveries, with the actions each needs. */
export function keyPolicyGrants(ds: readonly Delivery[]): { principal: string; actions: string[] }[] {
  const byPrincipal = new Map<string, Set<string>>();
  for (const d of ds)
    for (const g of d.keyPolicy ?? []) {
      const set = byPrincipal.get(g.principal) ?? new Set<string>();
      for (const a of g.actions) set.add(a);
      byPrincipal.set(g.principal, set);
    }
  return [...byPrincipal].map(([principal, actions]) => ({ principal, actions: [...actions].sort() }));
}

/** The services named for a message or a hover: "CloudWatch alarms (AlarmTopicAlarm)". */
export function deliveringServices(ds: readonly Delivery[]): string {
  return [...new Set(ds.map(d => d.principal.name))].join(', ');
}

/**
 * The encryption fix for a topic or queue: the AWS managed key (`alias`) when every delivery into it works with that
 * key; otherwise a new customer managed key whose policy admits the delivering services; none when no key can work.
 */
export function keyFix(ctx: RuleContext, r: Resource, property: string, alias: string): FixSpec | undefined {
  const ds = deliveriesInto(ctx, r);
  if (!brokenBy(ds, 'aws-managed-kms').length)
    return { kind: 'set', resource: r, path: ['Properties', property], value: alias };
  const key = customerKey(ctx, r, ds);
  if (!key) return undefined;
  return {
    kind: 'set',
    resource: r,
    path: ['Properties', property],
    value: { Ref: key.keyId },
    title: phrase('fixCustomerKeyFor', { services: deliveringServices(ds) }),
    also: [key.spec],
  };
}

/** Why a resource gets no encryption fix: the services that deliver into it and the key they cannot use. */
export function noKeyFixReason(ctx: RuleContext, r: Resource): Phrase | undefined {
  const ds = deliveriesInto(ctx, r);
  const broken = brokenBy(ds, 'aws-managed-kms');
  return broken.length ? phrase('noFixDelivery', { services: deliveringServices(broken) }) : undefined;
}

/** Whether services deliver into this resource that work with no KMS key at all (ELB access logs into a bucket). */
export function kmsImpossible(ctx: RuleContext, r: Resource): boolean {
  const ds = deliveriesInto(ctx, r);
  return brokenBy(ds, 'aws-managed-kms').length > 0 && brokenBy(ds, 'customer-kms-with-policy').length > 0;
}

/**
 * Default SSE-KMS for a bucket: the account's aws/s3 key when no delivery needs more; with deliveries that the AWS
 * managed key does not admit (vended logs), a customer managed key whose policy does. `replace` changes an existing
 * SSEAlgorithm instead of adding BucketEncryption.
 */
export function bucketKeyFix(ctx: RuleContext, r: Resource, replace?: FixSpec): FixSpec | undefined {
  const ds = deliveriesInto(ctx, r);
  const kms = (keyId?: string): FixValue => ({
    ServerSideEncryptionConfiguration: [
      {
        ServerSideEncryptionByDefault: keyId
          ? { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { 'Fn::GetAtt': [keyId, 'Arn'] } }
          : { SSEAlgorithm: 'aws:kms' },
        BucketKeyEnabled: true,
      },
    ],
  });
  if (!brokenBy(ds, 'aws-managed-kms').length)
    return replace ?? { kind: 'set', resource: r, path: ['Properties', 'BucketEncryption'], value: kms() };
  const key = customerKey(ctx, r, ds);
  if (!key) return undefined;
  // A written SSEAlgorithm is replaced by the whole configuration, so the key is named next to it.
  return {
    kind: 'set',
    resource: r,
    path: ['Properties', 'BucketEncryption'],
    value: kms(key.keyId),
    title: phrase('fixCustomerKeyFor', { services: deliveringServices(ds) }),
    also: [key.spec],
  };
}

/** A new customer managed key whose policy admits the delivering services; none when no key can serve them. */
function customerKey(
  ctx: RuleContext,
  r: Resource,
  ds: readonly Delivery[],
): { keyId: string; spec: FixSpec } | undefined {
  const grants = keyPolicyGrants(ds);
  if (brokenBy(ds, 'customer-kms-with-policy').length || !grants.length) return undefined;
  const keyId = freeLogicalId(ctx.template, `${r.logicalId}Key`);
  const grantStatements: FixValue[] = grants.map(g => ({
    Sid: `Allow${g.principal.split('.')[0].replace(/^./, c => c.toUpperCase())}`,
    Effect: 'Allow',
    Principal: { Service: g.principal },
    Action: g.actions,
    Resource: '*',
  }));
  const description = `Encrypts ${r.logicalId}; admits ${grants.map(g => g.principal).join(', ')}`;
  const body = rotatingKey(description, grantStatements);
  return { keyId, spec: { kind: 'addResource', logicalId: keyId, body } };
}

/**
 * What setting `property` on `r` entails, from the catalog's resource rules: the rules that forbid it here (a
 * delivery into the resource that the setting would break) and the other settings it needs, as fixes.
 */
export function settingConsequences(
  ctx: RuleContext,
  r: Resource,
  property: string,
): { forbidden: ResourceRule[]; alsoSet: FixSpec[] } {
  const rules = (ctx.catalog.data.resourceRules ?? []).filter(x => x.resourceType === r.type && property in x.when);
  const into = new Set(deliveriesInto(ctx, r).map(d => d.id));
  const forbidden = rules.filter(x => (x.requires.notTargetOf ?? []).some(id => into.has(id)));
  const alsoSet: FixSpec[] = [];
  for (const x of rules)
    for (const [path, value] of Object.entries(x.requires.settings ?? {})) {
      const keys = path.split('.');
      const written = keys.reduce<Node | undefined>((n, k) => get(n, k), r.properties);
      if (scalarString(written) === String(value)) continue;
      alsoSet.push({ kind: 'set', resource: r, path: ['Properties', ...keys], value: value as FixValue });
    }
  return { forbidden, alsoSet };
}

/** How a bucket is encrypted by default, in the catalog's terms (a named key is assumed to admit its users). */
function bucketEncryption(r: Resource): EncryptionMode {
  const rules = get(get(r.properties, 'BucketEncryption'), 'ServerSideEncryptionConfiguration');
  const byDefault = isSeq(rules) ? get(rules.items[0], 'ServerSideEncryptionByDefault') : undefined;
  const alg = scalarString(get(byDefault, 'SSEAlgorithm'));
  if (!alg || alg === 'AES256') return 'sse-s3';
  const key = get(byDefault, 'KMSMasterKeyID');
  return !key || scalarString(key) === 'alias/aws/s3' ? 'aws-managed-kms' : 'customer-kms-with-policy';
}

/** Whether delivery `id` (e.g. `s3-server-access-logs`) can write into resource `r` as it is configured now. */
export function acceptsDelivery(ctx: RuleContext, r: Resource, id: string): boolean {
  const d = (ctx.catalog.data.deliveries ?? []).find(x => x.id === id);
  if (!d || d.targetType !== r.type) return false;
  if (r.type === 'AWS::S3::Bucket' && brokenBy([d], bucketEncryption(r)).length) return false;
  return !(ctx.catalog.data.resourceRules ?? []).some(
    x =>
      x.resourceType === r.type &&
      (x.requires.notTargetOf ?? []).includes(id) &&
      Object.entries(x.when).every(([k, v]) => scalarString(get(r.properties, k)) === String(v)),
  );
}
