import { FixSpec } from '../../fixes/spec';
import { phrase } from '../../i18n/text';
import { get } from '../../model/node';
import { Resource } from '../../model/template';
import { bucketKeyFix, kmsImpossible, noKeyFixReason } from '../support/deliveries';
import { anchorOf, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule, RuleContext } from '../types';

/**
 * S3 bucket default encryption. Every bucket has been encrypted with SSE-S3 since AWS made it the default (catalog
 * aws/defaults.yaml), so what is missing is a KMS key whose use is logged and limited by its policy. Buckets that a
 * service delivers logs into which cannot use KMS (ELB access logs, S3 server access logs) are right with SSE-S3.
 */
export const rule: Rule = {
  id: 's3-bucket-encryption',
  alsoReports: ['s3-bucket-kms'],
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r: Resource, ctx: RuleContext) {
    if (kmsImpossible(ctx, r)) return;
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
      const hasEncryption = get(r.properties, 'BucketEncryption') !== undefined;
      const fix = (spec: () => FixSpec | undefined) => (o.via.length ? undefined : spec());
      if (alg === 'AES256') {
        const replace = (): FixSpec | undefined =>
          o.anchor ? bucketKeyFix(ctx, r, { kind: 'replace', node: o.anchor, value: 'aws:kms' }) : undefined;
        const spec = fix(replace);
        ctx.report({
          rule: 's3-bucket-kms',
          at: anchorOf(r, o),
          via: o.via,
          args: { value: alg },
          fix: spec,
          noFix: spec ? undefined : noKeyFixReason(ctx, r),
        });
        continue;
      }
      const since = ctx.catalog.data.awsDefaults?.find(d => d.id === 's3-default-encryption-sse-s3')?.since ?? '';
      const spec = hasEncryption ? undefined : fix(() => bucketKeyFix(ctx, r));
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: alg ?? '', effective: phrase('sseS3Default', { since }) },
        fix: spec,
        noFix: spec ? undefined : noKeyFixReason(ctx, r),
      });
    }
  },
};
