import { FixSpec } from '../../fixes/spec';
import { get, isMap, isSeq, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { itemsOf, policyStatements, refTarget } from '../support/outcomes';

import { BUCKET, logBucketIds } from '../support/log-buckets';
import { asBool, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

function denyDeleteFix(t: Template, bucket: Resource): FixSpec | undefined {
  const statement = {
    Sid: 'DenyLogDeletion',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    Resource: { 'Fn::Sub': `\${${bucket.logicalId}.Arn}/*` },
  };
  const policy = t.resources.find(
    p => p.type === 'AWS::S3::BucketPolicy' && refTarget(get(p.properties, 'Bucket'))?.id === bucket.logicalId,
  );
  if (!policy) {
    const id = `${bucket.logicalId}Policy`;
    if (t.byId.has(id)) return undefined;
    return {
      kind: 'addResource',
      logicalId: id,
      body: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: bucket.logicalId },
          PolicyDocument: { Version: '2012-10-17', Statement: [statement] },
        },
      },
    };
  }
  const list = get(get(policy.properties, 'PolicyDocument'), 'Statement');
  if (!isSeq(list) || !list.items.every(isMap)) return undefined;
  return { kind: 'append', resource: policy, path: ['Properties', 'PolicyDocument', 'Statement'], item: statement };
}

const DELETE_ACTIONS = /^(s3:\*|\*|s3:Delete\*|s3:DeleteObject|s3:DeleteObject\*)$/i;

/** Does a bucket policy for this bucket deny object deletion? `undefined` when the policy cannot be read. */
function deniesDelete(t: Template, bucketId: string): boolean | undefined {
  let unknown = false;
  for (const p of t.resources) {
    if (p.type !== 'AWS::S3::BucketPolicy') continue;
    const target = refTarget(get(p.properties, 'Bucket'));
    if (!target) {
      unknown = true;
      continue;
    }
    if (target.id !== bucketId) continue;
    for (const s of policyStatements(get(p.properties, 'PolicyDocument'))) {
      if (scalarString(get(s, 'Effect')) !== 'Deny') continue;
      // A conditional deny (e.g. the TLS-only `Deny s3:*` when aws:SecureTransport is false) does not stop deletion.
      if (get(s, 'Condition') !== undefined) continue;
      if (itemsOf(get(s, 'Action')).some(a => DELETE_ACTIONS.test(scalarString(a) ?? ''))) return true;
    }
  }
  return unknown ? undefined : false;
}

/** A log bucket cannot have its objects deleted: Object Lock, or a bucket policy that denies s3:DeleteObject. */
export const rule: Rule = {
  id: 's3-log-bucket-delete-protection',
  runsOn: [BUCKET],
  checkResource(r, ctx) {
    const t = ctx.template;
    if (!logBucketIds(t).all.has(r.logicalId)) return;
    const lock = propertyOutcomes(ctx, r, ['ObjectLockEnabled']);
    if (lock.some(o => o.value === UNKNOWN)) return;
    if (lock.every(o => asBool(o.value) === true)) return;
    const denies = deniesDelete(t, r.logicalId);
    if (denies !== false) return;
    ctx.report({ fix: denyDeleteFix(t, r) });
  },
};
