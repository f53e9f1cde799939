import { FixSpec } from '../../fixes/spec';
import { get, intrinsicName, isMap, isSeq, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { ProjectReferrer } from '../../project/view';
import { itemsOf, policyStatements } from '../support/outcomes';

import { BUCKET, logBucketRole } from '../support/log-buckets';
import { asBool, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

function denyDeleteFix(t: Template, bucket: Resource, policies: ProjectReferrer[]): FixSpec | undefined {
  const statement = {
    Sid: 'DenyLogDeletion',
    Effect: 'Deny',
    Principal: '*',
    Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
    Resource: { 'Fn::Sub': `\${${bucket.logicalId}.Arn}/*` },
  };
  // A policy in another stack is that file's to change: no fix here.
  if (policies.some(p => p.template !== t)) return undefined;
  const policy = policies[0]?.resource;
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

/** Does a bucket policy for this bucket deny object deletion? `undefined` when a policy cannot be read. */
function deniesDelete(policies: ProjectReferrer[]): boolean | undefined {
  let unknown = false;
  for (const { resource: p } of policies) {
    const doc = get(p.properties, 'PolicyDocument');
    if (!isMap(doc) || intrinsicName(doc)) unknown = true;
    for (const s of policyStatements(doc)) {
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
    if (!logBucketRole(ctx, r).log) return;
    const lock = propertyOutcomes(ctx, r, ['ObjectLockEnabled']);
    if (lock.some(o => o.value === UNKNOWN)) return;
    if (lock.every(o => asBool(o.value) === true)) return;
    // A policy whose bucket cannot be followed may be this bucket's: unknown, not a finding.
    if (ctx.project.unresolved('AWS::S3::BucketPolicy', 'Bucket')) return;
    const policies = ctx.project.referrers(r, { types: ['AWS::S3::BucketPolicy'], path: 'Bucket' });
    if (deniesDelete(policies) !== false) return;
    ctx.report({ fix: denyDeleteFix(t, r, policies) });
  },
};
