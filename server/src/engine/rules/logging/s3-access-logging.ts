import { BUCKET, templateLogBuckets, logBucketRole } from '../support/log-buckets';
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
      const target = templateLogBuckets(ctx).find(id => id !== r.logicalId);
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
