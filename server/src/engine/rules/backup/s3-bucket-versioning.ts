import { anchorOf, notSet, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 's3-bucket-versioning',
  runsOn: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    // Object Lock turns versioning on
    if (propertyOutcomes(ctx, r, ['ObjectLockEnabled']).every(o => o.value === true || o.value === 'true')) return;
    for (const o of propertyOutcomes(ctx, r, ['VersioningConfiguration', 'Status'])) {
      if (o.value === UNKNOWN || o.value === 'Enabled') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix:
          o.value === undefined || !o.anchor
            ? { kind: 'set', resource: r, path: ['Properties', 'VersioningConfiguration', 'Status'], value: 'Enabled' }
            : { kind: 'replace', node: o.anchor, value: 'Enabled' },
      });
    }
  },
};
