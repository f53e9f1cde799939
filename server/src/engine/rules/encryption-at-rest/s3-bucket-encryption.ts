import { get } from '../../model/node';
import { Resource } from '../../model/template';
import { anchorOf, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule, RuleContext } from '../types';

const KMS_ENCRYPTION = {
  ServerSideEncryptionConfiguration: [
    { ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true },
  ],
};

/** S3 bucket default encryption: KMS for patient data; SSE-S3 alone is weaker (no key policy, no key-use audit). */
export const rule: Rule = {
  id: 's3-bucket-encryption',
  alsoReports: ['s3-bucket-kms'],
  runsOn: ['AWS::S3::Bucket'],
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
          fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'aws:kms' },
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
