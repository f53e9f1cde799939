/** The resource policy CDK writes for `enforceSSL: true` (buckets, topics, queues; a trail's own bucket). */
import { Cfn, Opaque } from '../cfn-value';
import { isFalse, isTrue } from '../cdk-value';
import { Companion, PolicyTarget, SpecCtx, TlsPolicySpec } from './types';

/** How a resource policy names its owner: a bucket policy's `Bucket: {Ref}`, a topic policy's `Topics: [{Ref}]`. */
export function policyOwnerRef(refKey: string, id: string): Cfn {
  return refKey === 'Bucket' ? { Ref: id } : [{ Ref: id }];
}

/** A policy that only denies requests without TLS, as CDK writes it. `prop`: the prop that asks for it. */
export function tlsPolicy(spec: TlsPolicySpec, ownerId: string, prop: string): Companion {
  return {
    suffix: 'Policy',
    type: spec.type,
    prop,
    switch: prop,
    properties: {
      [spec.refKey]: policyOwnerRef(spec.refKey, ownerId),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: spec.action,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: new Opaque('ARNs'),
          },
        ],
      },
    },
  };
}

/**
 * The TLS-only policy `enforceSSL` creates: known when the prop is `true`; a policy with an unknown document when the
 * prop cannot be read (it may exist); none when it is false or not written.
 */
export function enforceSslCompanions(spec: TlsPolicySpec, c: SpecCtx, id: string): Companion[] {
  const v = c.value('enforceSSL');
  if (isTrue(v)) return [tlsPolicy(spec, id, 'enforceSSL')];
  if ((v && !isFalse(v)) || (!v && c.spread)) {
    const known = tlsPolicy(spec, id, 'enforceSSL');
    return [
      {
        ...known,
        properties: {
          [spec.refKey]: known.properties[spec.refKey],
          PolicyDocument: new Opaque(v ? v.node.getText() : 'may be set by a spread'),
        },
      },
    ];
  }
  return [];
}

export const S3_BUCKET_POLICY: PolicyTarget = { type: 'AWS::S3::BucketPolicy', refKey: 'Bucket' };
