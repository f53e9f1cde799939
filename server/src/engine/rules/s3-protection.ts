import { phrase } from '../i18n/text';
import { get, intrinsicName, isMap, isScalar, isSeq, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import {
  anchorOf,
  itemsOf,
  notSet,
  propertyOutcomes,
  refTarget,
  requirePresent,
  requireTrue,
  UNKNOWN,
} from './helpers';
import { FixValue } from '../fixes/spec';
import { Rule } from './types';

/** S3 protections beyond encryption: TLS-only access, versioning, and Object Lock for archives. */

const BUCKET = 'AWS::S3::Bucket';

/** Does this bucket policy's `Bucket` name the given bucket? Unresolvable names count when they mention it. */
function policyTargets(t: Template, policy: Resource, bucket: Resource): boolean {
  const target = get(policy.properties, 'Bucket');
  if (target === undefined) return false;
  if (refTarget(target) !== undefined) return refTarget(target)?.id === bucket.logicalId;
  const name = scalarString(get(bucket.properties, 'BucketName'));
  if (isScalar(target)) return name !== undefined && String(target.value) === name;
  const text = t.text.slice(target.start, target.end);
  return text.includes(bucket.logicalId) || (name !== undefined && text.includes(name));
}

/** true: some statement denies requests without TLS; false: none does; UNKNOWN: the statements cannot be read. */
function deniesInsecureTransport(statements: Node | undefined): boolean | typeof UNKNOWN {
  if (statements === undefined || intrinsicName(statements) !== undefined)
    return statements === undefined ? false : UNKNOWN;
  let unknown = false;
  for (const s of itemsOf(statements)) {
    if (!isMap(s) || intrinsicName(s) !== undefined) {
      unknown = true;
      continue;
    }
    if (scalarString(get(s, 'Effect')) !== 'Deny') continue;
    const bool = get(get(s, 'Condition'), 'Bool');
    if (!isMap(bool)) continue;
    const entry = bool.entries.find(e => e.key.toLowerCase() === 'aws:securetransport');
    const values = entry ? itemsOf(entry.value) : [];
    if (values.some(v => isScalar(v) && String(v.value).toLowerCase() === 'false')) return true;
    if (values.some(v => !isScalar(v))) unknown = true;
  }
  return unknown ? UNKNOWN : false;
}

function tlsOnlyStatement(bucketId: string): FixValue {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, { 'Fn::Sub': `\${${bucketId}.Arn}/*` }],
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

const s3TlsOnly: Rule = {
  id: 's3-bucket-tls-only',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    const t = ctx.template;
    const policies = t.resources.filter(p => p.type === 'AWS::S3::BucketPolicy' && policyTargets(t, p, r));
    for (const p of policies) {
      const doc = get(p.properties, 'PolicyDocument');
      if (doc === undefined || !isMap(doc) || intrinsicName(doc) !== undefined) return; // a policy we cannot read may well deny it
      if (deniesInsecureTransport(get(doc, 'Statement')) !== false) return;
    }
    if (policies.length === 0) {
      const id = `${r.logicalId}TlsOnlyPolicy`;
      ctx.report({
        args: { detail: phrase('noBucketPolicy') },
        fix: t.byId.has(id)
          ? undefined
          : {
              kind: 'addResource',
              logicalId: id,
              body: {
                Type: 'AWS::S3::BucketPolicy',
                Properties: {
                  Bucket: { Ref: r.logicalId },
                  PolicyDocument: { Version: '2012-10-17', Statement: [tlsOnlyStatement(r.logicalId)] },
                },
              },
            },
      });
      return;
    }
    const p = policies[0];
    const statements = get(get(p.properties, 'PolicyDocument'), 'Statement');
    ctx.report({
      args: {
        detail: phrase('bucketPolicyWithoutDeny', { policy: p.logicalId }),
      },
      fix:
        isSeq(statements) && !statements.tag
          ? {
              kind: 'append',
              resource: p,
              path: ['Properties', 'PolicyDocument', 'Statement'],
              item: tlsOnlyStatement(r.logicalId),
            }
          : undefined,
    });
  },
};

const s3Versioning: Rule = {
  id: 's3-bucket-versioning',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    if (propertyOutcomes(ctx, r, ['ObjectLockEnabled']).every(o => o.value === true || o.value === 'true')) return; // Object Lock turns versioning on
    for (const o of propertyOutcomes(ctx, r, ['VersioningConfiguration', 'Status'])) {
      if (o.value === UNKNOWN || o.value === 'Enabled') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix: o.via.length
          ? undefined
          : o.value === undefined || !o.anchor
            ? { kind: 'set', resource: r, path: ['Properties', 'VersioningConfiguration', 'Status'], value: 'Enabled' }
            : { kind: 'replace', node: o.anchor, value: 'Enabled' },
      });
    }
  },
};

const ARCHIVE_WORDS = new Set([
  'backup',
  'backups',
  'archive',
  'archives',
  'log',
  'logs',
  'logging',
  'audit',
  'trail',
  'cloudtrail',
]);

/** Words of a name: `AuditLogBucket`, `ehr-audit-logs` → audit, log(s), bucket. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Buckets that hold backups or audit logs, by name or because CloudTrail / AWS Config deliver into them. */
function isArchiveBucket(t: Template, r: Resource): boolean {
  // S3 server access logs cannot be delivered to a bucket with a default Object Lock retention.
  const accessLogTarget = t.resources.some(
    b =>
      b.type === BUCKET &&
      refTarget(get(get(b.properties, 'LoggingConfiguration'), 'DestinationBucketName'))?.id === r.logicalId,
  );
  if (accessLogTarget) return false;
  const deliveredTo = t.resources.some(
    x =>
      (x.type === 'AWS::CloudTrail::Trail' || x.type === 'AWS::Config::DeliveryChannel') &&
      refTarget(get(x.properties, 'S3BucketName'))?.id === r.logicalId,
  );
  const name = scalarString(get(r.properties, 'BucketName')) ?? '';
  return deliveredTo || [...words(r.logicalId), ...words(name)].some(w => ARCHIVE_WORDS.has(w));
}

const DEFAULT_RETENTION = {
  ObjectLockEnabled: 'Enabled',
  Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 365 } },
};

const s3ObjectLock: Rule = {
  id: 's3-object-lock',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    if (!isArchiveBucket(ctx.template, r)) return;
    const absent = (path: string[]) =>
      propertyOutcomes(ctx, r, path).every(o => o.value === undefined && !o.via.length);
    if (absent(['ObjectLockEnabled']) && absent(['ObjectLockConfiguration'])) {
      // Neither half is there: one finding whose fix adds both, not two findings that each fix half.
      ctx.report({
        at: anchorOf(r, {}),
        args: { property: 'ObjectLockEnabled', value: notSet() },
        fix: {
          kind: 'set',
          resource: r,
          path: ['Properties', 'ObjectLockConfiguration'],
          value: DEFAULT_RETENTION,
          also: [{ kind: 'set', resource: r, path: ['Properties', 'ObjectLockEnabled'], value: true }],
        },
      });
      return;
    }
    requireTrue(ctx, r, ['ObjectLockEnabled']);
    requirePresent(ctx, r, ['ObjectLockConfiguration'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'ObjectLockConfiguration'],
      value: DEFAULT_RETENTION,
    }));
  },
};

export const s3ProtectionRules: Rule[] = [s3TlsOnly, s3Versioning, s3ObjectLock];
