import { BUCKET, templateLogBuckets, logBucketRole } from '../support/log-buckets';
import { accessLogBucket } from '../support/baseline';
import { acceptsDelivery } from '../support/deliveries';
import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

/** Every bucket that is not itself a log bucket records who read and changed its objects (S3 server access logs). */
export const rule: Rule = {
  id: 's3-access-logging',
  runsOn: [BUCKET],
  checkResource(r, ctx) {
    if (logBucketRole(ctx, r).log) return;
    for (const o of propertyOutcomes(ctx, r, ['LoggingConfiguration'])) {
      if (o.value !== undefined) continue;
      // Only a bucket that S3 can deliver access logs to as it stands (no Object Lock, no KMS default encryption).
      const target = templateLogBuckets(ctx).find(
        id => id !== r.logicalId && acceptsDelivery(ctx, ctx.template.byId.get(id)!, 's3-server-access-logs'),
      );
      // None to send them to: a new access-log bucket, once per template (every bucket's fix names the same one).
      const created = target ? undefined : ctx.once('accessLogBucket', () => accessLogBucket(ctx.template));
      const destination = target ?? created!.bucketId;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        fix: o.via.length
          ? undefined
          : {
              kind: 'set',
              resource: r,
              path: ['Properties', 'LoggingConfiguration'],
              value: { DestinationBucketName: { Ref: destination }, LogFilePrefix: `${r.logicalId}/` },
              also: created?.specs,
            },
      });
    }
  },
};
