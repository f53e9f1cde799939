import { BUCKET, templateLogBuckets, logBucketRole } from '../support/log-buckets';
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
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        fix:
          target && !o.via.length
            ? {
                kind: 'set',
                resource: r,
                path: ['Properties', 'LoggingConfiguration'],
                value: { DestinationBucketName: { Ref: target }, LogFilePrefix: `${r.logicalId}/` },
              }
            : undefined,
      });
    }
  },
};
