import { FixValue } from '../../fixes/spec';
import { get, intrinsicName, isMap, isScalar, Node, scalarString } from '../../model/node';
import { Resource, resourcesOfType, Template } from '../../model/template';
import { fileName, itemsOf, UNKNOWN } from '../support/outcomes';

import { phrase } from '../../i18n/text';
import { isSeq } from '../../model/node';
import { Rule, RuleContext } from '../types';

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

/**
 * Bucket policies of this template whose `Bucket` cannot be resolved but mentions the bucket: they may well be its
 * policy, so the bucket's TLS state is unknown.
 */
function mayBeAttached(t: Template, ctx: RuleContext, bucket: Resource): boolean {
  const name = scalarString(get(bucket.properties, 'BucketName'));
  return unresolvedPolicyTargets(t, ctx).some(
    text => text.includes(bucket.logicalId) || (name !== undefined && text.includes(name)),
  );
}

/** The source text of every bucket policy's `Bucket` that resolves to nothing, once per analysis. */
function unresolvedPolicyTargets(t: Template, ctx: RuleContext): string[] {
  return ctx.once('s3-bucket-tls-only:unresolvedPolicyTargets', () =>
    resourcesOfType(t, 'AWS::S3::BucketPolicy').flatMap(p => {
      const target = get(p.properties, 'Bucket');
      if (target === undefined || ctx.project.resolve(target, 'Bucket').length) return [];
      return [t.text.slice(target.start, target.end)];
    }),
  );
}

export const rule: Rule = {
  id: 's3-bucket-tls-only',
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    const t = ctx.template;
    // Policies attached by Ref, by name (literal or the same Sub), through an export or a nested stack, in any stack.
    const attached = ctx.project.referrers(r, { types: ['AWS::S3::BucketPolicy'], path: 'Bucket' });
    if (mayBeAttached(t, ctx, r)) return;
    const policies = attached.map(x => x.resource);
    for (const p of policies) {
      const doc = get(p.properties, 'PolicyDocument');
      // a policy we cannot read may well deny it
      if (doc === undefined || !isMap(doc) || intrinsicName(doc) !== undefined) return;
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
    const { template: home, resource: p } = attached[0];
    const statements = get(get(p.properties, 'PolicyDocument'), 'Statement');
    const elsewhere = home !== t;
    ctx.report({
      args: {
        detail: elsewhere
          ? phrase('bucketPolicyElsewhereWithoutDeny', { policy: p.logicalId, file: fileName(home.uri) })
          : phrase('bucketPolicyWithoutDeny', { policy: p.logicalId }),
      },
      // The statement is added where the policy is; a policy in another stack is the other file's to change.
      fix:
        !elsewhere && isSeq(statements) && !statements.tag
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
