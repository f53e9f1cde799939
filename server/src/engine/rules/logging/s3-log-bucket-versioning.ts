import { phrase } from '../../i18n/text';
import { BUCKET, logBucketRole } from '../support/log-buckets';
import { anchorOf, asBool, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

/** A log bucket keeps earlier versions, so an overwritten or deleted log can be recovered. */
export const rule: Rule = {
  id: 's3-log-bucket-versioning',
  runsOn: [BUCKET],
  checkResource(r, ctx) {
    if (!logBucketRole(ctx, r).log) return;
    // Object Lock turns versioning on
    if (propertyOutcomes(ctx, r, ['ObjectLockEnabled']).every(o => asBool(o.value) === true)) return;
    for (const o of propertyOutcomes(ctx, r, ['VersioningConfiguration', 'Status'])) {
      if (o.value === UNKNOWN || o.value === 'Enabled') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSet') : String(o.value) },
        fix: {
          kind: 'set',
          resource: r,
          path: ['Properties', 'VersioningConfiguration'],
          value: { Status: 'Enabled' },
        },
      });
    }
  },
};
