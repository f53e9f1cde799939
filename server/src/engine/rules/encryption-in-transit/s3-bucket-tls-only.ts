import { FixValue } from '../../fixes/spec';
import { get, intrinsicName, isMap, isScalar, Node, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { itemsOf, refTarget, UNKNOWN } from '../support/outcomes';

import { phrase } from '../../i18n/text';
import { isSeq } from '../../model/node';
import { Rule } from '../types';

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

export const rule: Rule = {
  id: 's3-bucket-tls-only',
  runsOn: ['AWS::S3::Bucket'],
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
