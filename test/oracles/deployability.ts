/**
 * The deployability oracle: what a fix must not break in AWS even though the template stays valid. Written apart from
 * the rules (its own reading of the template) and driven by the same catalog facts (catalog/aws/delivery.yaml):
 *  - a topic, queue or bucket that a service delivers into is encrypted only in a way that delivery works with
 *    (alias/aws/sns on a topic CloudWatch alarms publish to stops the alarms; KMS on an ALB log bucket stops the logs);
 *  - a customer managed key used there admits the delivering service in its key policy;
 *  - Object Lock only with versioning Enabled, and never on a bucket that receives deliveries refusing it.
 * Facts the catalog marks unverified are not enforced here (the rules still avoid them when they choose a fix).
 * It judges one template (references by Ref, GetAtt, Sub and literal names within it) and reports the problems a fix
 * introduced: `problems(after) − problems(before)`.
 */
import { Catalog, Delivery } from '../../server/src/engine';
import { get, intrinsicName, isMap, isSeq, Node, scalarString } from '../../server/src/engine/model/node';
import { Resource, Template } from '../../server/src/engine/model/template';

const NAME_OF: Record<string, string> = {
  'AWS::S3::Bucket': 'BucketName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::SQS::Queue': 'QueueName',
};

/** Values at a relation path: `A.B`, `A[]` (each item), `A[key]` (the Value of the Key/Value item with that Key). */
function valuesAt(n: Node | undefined, path: string): Node[] {
  let nodes: Node[] = n ? [n] : [];
  for (const part of path.split('.')) {
    const m = /^([^[]+)(?:\[([^\]]*)\])?$/.exec(part);
    if (!m) return [];
    nodes = nodes.map(x => get(x, m[1])).filter((x): x is Node => !!x);
    if (m[2] === undefined) continue;
    const items = nodes.flatMap(x => (isSeq(x) ? x.items : []));
    nodes =
      m[2] === '' ? items : items.filter(i => scalarString(get(i, 'Key')) === m[2]).flatMap(i => get(i, 'Value') ?? []);
  }
  return nodes;
}

/** The logical IDs a value names in this template. */
function targets(t: Template, v: Node, type: string): string[] {
  const fn = intrinsicName(v);
  if (fn === 'Ref') return [scalarString(get(v, 'Ref')) ?? ''];
  if (fn === 'Fn::GetAtt') {
    const a = get(v, 'Fn::GetAtt');
    return [isSeq(a) ? (scalarString(a.items[0]) ?? '') : (scalarString(a)?.split('.')[0] ?? '')];
  }
  if (fn === 'Fn::Sub') {
    const s = scalarString(get(v, 'Fn::Sub')) ?? '';
    return [...s.matchAll(/\$\{([A-Za-z0-9]+)/g)].map(m => m[1]);
  }
  const literal = scalarString(v);
  if (literal === undefined) return [];
  return t.resources
    .filter(r => r.type === type && scalarString(get(r.properties, NAME_OF[type] ?? '')) === literal)
    .map(r => r.logicalId);
}

function keyAdmits(t: Template, key: Node | undefined, principal: string): boolean {
  const id = key ? targets(t, key, 'AWS::KMS::Key')[0] : undefined;
  const policy = id ? get(t.byId.get(id)?.properties, 'KeyPolicy') : undefined;
  return JSON.stringify(policy ? toPlain(policy) : null).includes(`"${principal}"`);
}

function toPlain(n: Node): unknown {
  if (isMap(n)) return Object.fromEntries(n.entries.map(e => [e.key, toPlain(e.value)]));
  if (isSeq(n)) return n.items.map(toPlain);
  return scalarString(n);
}

/** How a resource is encrypted, in the catalog's terms; `customer-kms-with-policy` only when the key admits `d`. */
function encryptionOf(t: Template, r: Resource, d: Delivery): string {
  const admits = (key: Node | undefined) =>
    (d.keyPolicy ?? []).every(g => keyAdmits(t, key, g.principal)) ? 'customer-kms-with-policy' : 'customer-kms';
  if (r.type === 'AWS::S3::Bucket') {
    const byDefault = valuesAt(
      r.properties,
      'BucketEncryption.ServerSideEncryptionConfiguration[].ServerSideEncryptionByDefault',
    )[0];
    const alg = scalarString(get(byDefault, 'SSEAlgorithm'));
    if (!alg || alg === 'AES256') return 'sse-s3';
    const key = get(byDefault, 'KMSMasterKeyID');
    return key && scalarString(key) !== 'alias/aws/s3' ? admits(key) : 'aws-managed-kms';
  }
  const key = get(r.properties, 'KmsMasterKeyId');
  const alias = scalarString(key);
  const sqsManaged = scalarString(get(r.properties, 'SqsManagedSseEnabled')) !== 'false';
  if (!key) return r.type === 'AWS::SQS::Queue' && sqsManaged ? 'sse-sqs' : 'none';
  if (alias === 'alias/aws/sns' || alias === 'alias/aws/sqs') return 'aws-managed-kms';
  return admits(key);
}

/** Everything in `t` that the catalog's delivery facts say would not work once deployed. */
export function deployProblems(t: Template, catalog: Catalog): string[] {
  const out: string[] = [];
  const into = new Map<string, Set<string>>();
  for (const d of catalog.data.deliveries ?? [])
    for (const rel of d.relations)
      for (const src of t.resources.filter(r => r.type === rel.source))
        for (const v of valuesAt(src.properties, rel.path))
          for (const id of targets(t, v, d.targetType)) {
            const target = t.byId.get(id);
            if (target?.type !== d.targetType) continue;
            into.set(id, (into.get(id) ?? new Set()).add(d.id));
            const mode = encryptionOf(t, target, d);
            // Only what the sources confirm is enforced; the rules avoid unconfirmed failures too, to be safe.
            const known = d.encryption?.find(e => e.mode === mode);
            if (!d.verified || known?.verified === false) continue;
            if ((known && !known.works) || (!known && mode === 'customer-kms'))
              out.push(`${id}: ${d.id} does not work with ${mode}`);
          }
  for (const x of catalog.data.resourceRules ?? [])
    for (const r of t.resources.filter(r => r.type === x.resourceType)) {
      const on = Object.entries(x.when).every(([k, v]) => scalarString(get(r.properties, k)) === String(v));
      if (!on) continue;
      for (const [path, v] of Object.entries(x.requires.settings ?? {}))
        if (scalarString(valuesAt(r.properties, path)[0]) !== String(v)) out.push(`${r.logicalId}: ${x.id}`);
      if ((x.requires.notTargetOf ?? []).some(id => into.get(r.logicalId)?.has(id)))
        out.push(`${r.logicalId}: ${x.id}`);
    }
  return [...new Set(out)].sort();
}
