import { get, isMap } from '../model/node';
import { Resource } from '../model/template';
import { anchorOf, propertyOutcomes, UNKNOWN } from './helpers';
import { Rule, RuleContext } from './types';

const BUCKET = 'AWS::S3::Bucket';

const KMS_ENCRYPTION = {
  ServerSideEncryptionConfiguration: [
    { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
  ],
};

/** S3 bucket default encryption: KMS for patient data; SSE-S3 alone is weaker (no key policy, no key-use audit). */
const encryption: Rule = {
  id: 's3-bucket-encryption',
  alsoReports: ['s3-bucket-kms'],
  resourceTypes: [BUCKET],
  checkResource(r: Resource, ctx: RuleContext) {
    const path = [
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
      'SSEAlgorithm',
    ];
    for (const o of propertyOutcomes(ctx, r, path)) {
      if (o.value === UNKNOWN) continue;
      const alg = o.value === undefined ? undefined : String(o.value);
      if (alg === 'aws:kms' || alg === 'aws:kms:dsse') continue;
      if (alg === 'AES256') {
        ctx.report({
          rule: 's3-bucket-kms',
          at: anchorOf(r, o),
          via: o.via,
          args: { value: alg },
          fix: o.via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'aws:kms' },
        });
        continue;
      }
      const hasEncryption = get(r.properties, 'BucketEncryption') !== undefined;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: alg ?? '' },
        fix:
          o.via.length || hasEncryption
            ? undefined
            : { kind: 'set', resource: r, path: ['Properties', 'BucketEncryption'], value: KMS_ENCRYPTION },
      });
    }
  },
};

/** All four public-access-block switches must be on. */
const publicAccess: Rule = {
  id: 's3-public-access-block',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    const flags = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'];
    const block = get(r.properties, 'PublicAccessBlockConfiguration');
    const full = Object.fromEntries(flags.map(f => [f, true]));
    if (block === undefined) {
      ctx.report({
        args: { value: 'PublicAccessBlockConfiguration' },
        fix: { kind: 'set', resource: r, path: ['Properties', 'PublicAccessBlockConfiguration'], value: full },
      });
      return;
    }
    if (!isMap(block)) return;
    for (const f of flags) {
      for (const o of propertyOutcomes(ctx, r, ['PublicAccessBlockConfiguration', f])) {
        if (o.value === UNKNOWN || o.value === true || o.value === 'true') continue;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: f },
          fix: o.via.length
            ? undefined
            : { kind: 'set', resource: r, path: ['Properties', 'PublicAccessBlockConfiguration', f], value: true },
        });
      }
    }
  },
};

export const s3Rules: Rule[] = [encryption, publicAccess];
