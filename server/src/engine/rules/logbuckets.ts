import { phrase } from '../i18n/text';
import { get, isMap, isSeq, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import {
  anchorOf,
  itemsOf,
  policyStatements,
  propertyOutcomes,
  referencedIds,
  refTarget,
  UNKNOWN,
  asBool,
} from './helpers';
import { FixSpec } from '../fixes/spec';
import { Rule } from './types';

const BUCKET = 'AWS::S3::Bucket';

/** Buckets that receive logs: S3 access-log targets, CloudTrail and Config destinations, S3 flow-log destinations. */
export function logBucketIds(t: Template): { all: Set<string>; accessLogTargets: Set<string> } {
  const all = new Set<string>();
  const accessLogTargets = new Set<string>();
  const add = (ids: string[] | undefined, into?: Set<string>) => {
    for (const id of ids ?? [])
      if (t.byId.get(id)?.type === BUCKET) {
        all.add(id);
        into?.add(id);
      }
  };
  for (const r of t.resources) {
    const p = r.properties;
    switch (r.type) {
      case BUCKET:
        add(referencedIds(get(get(p, 'LoggingConfiguration'), 'DestinationBucketName')), accessLogTargets);
        if (scalarString(get(p, 'AccessControl')) === 'LogDeliveryWrite') add([r.logicalId]);
        break;
      case 'AWS::CloudTrail::Trail':
      case 'AWS::Config::DeliveryChannel':
        add(referencedIds(get(p, 'S3BucketName')));
        break;
      case 'AWS::EC2::FlowLog':
        add(referencedIds(get(p, 'LogDestination')));
        break;
    }
  }
  return { all, accessLogTargets };
}

/** Every bucket that is not itself a log bucket records who read and changed its objects (S3 server access logs). */
const accessLogging: Rule = {
  id: 's3-access-logging',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    const { all, accessLogTargets } = logBucketIds(ctx.template);
    if (all.has(r.logicalId)) return;
    for (const o of propertyOutcomes(ctx, r, ['LoggingConfiguration'])) {
      if (o.value !== undefined) continue;
      const target = [...accessLogTargets, ...all].find(id => id !== r.logicalId);
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

/** A log bucket keeps earlier versions, so an overwritten or deleted log can be recovered. */
const logBucketVersioning: Rule = {
  id: 's3-log-bucket-versioning',
  resourceTypes: [BUCKET],
  checkResource(r, ctx) {
    if (!logBucketIds(ctx.template).all.has(r.logicalId)) return;
    if (propertyOutcomes(ctx, r, ['ObjectLockEnabled']).every(o => asBool(o.value) === true)) return; // Object Lock turns versioning on
    for (const o of propertyOutcomes(ctx, r, ['VersioningConfiguration', 'Status'])) {
      if (o.value === UNKNOWN || o.value === 'Enabled') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSet') : String(o.value) },
        fix: o.via.length
          ? undefined
          : { kind: 'set', resource: r, path: ['Properties', 'VersioningConfiguration'], value: { Status: 'Enabled' } },
      });
    }
  },
};

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
const logBucketDeleteProtection: Rule = {
  id: 's3-log-bucket-delete-protection',
  resourceTypes: [BUCKET],
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

export const logBucketRules: Rule[] = [accessLogging, logBucketVersioning, logBucketDeleteProtection];
