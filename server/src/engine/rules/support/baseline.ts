import { FixSpec, FixValue } from '../../fixes/spec';
import { get } from '../../model/node';
import { resourcesOfType, Template } from '../../model/template';
import { freeLogicalId, mentions, refTarget } from './outcomes';
import { auditRetentionDays, Settings } from '../../model/types';

/**
 * Resource bodies that account-baseline fixes insert (audit trail, Config, their log archive bucket).
 * Each body already satisfies the checks of this product, so applying one fix does not raise another finding.
 */

const ref = (id: string): FixValue => ({ Ref: id });
const arn = (id: string): FixValue => ({ 'Fn::GetAtt': [id, 'Arn'] });
const sub = (s: string): FixValue => ({ 'Fn::Sub': s });

/**
 * How long the audit logs that fixes create are kept: `iryoGuard.auditLogRetentionDays` (default 1,827 days, 5 years —
 * a provider's retention policy, not a figure in the guidelines). The first year stays in a searchable storage class.
 */
export function auditRetention(settings: Settings): number {
  return auditRetentionDays(settings);
}

/** An existing bucket whose bucket policy lets `service` (e.g. cloudtrail.amazonaws.com) write, if any. */
export function bucketWritableBy(t: Template, service: string): string | undefined {
  for (const p of resourcesOfType(t, 'AWS::S3::BucketPolicy')) {
    if (!mentions(get(p.properties, 'PolicyDocument'), service)) continue;
    const target = refTarget(get(p.properties, 'Bucket'));
    if (target && t.byId.get(target.id)?.type === 'AWS::S3::Bucket') return target.id;
  }
  return undefined;
}

/** A KMS key whose key policy lets `service` use it, if any. */
export function keyUsableBy(t: Template, service: string): string | undefined {
  return resourcesOfType(t, 'AWS::KMS::Key').find(r => mentions(get(r.properties, 'KeyPolicy'), service))?.logicalId;
}

/**
 * A KMS key CloudWatch Logs may use for a new log group: one whose policy already names the logs service, else a
 * new rotating key whose policy allows it (log groups holding audit data are encrypted with a customer key).
 */
export function logsKey(t: Template, base: string): { keyId: string; specs: FixSpec[] } {
  const existing = resourcesOfType(t, 'AWS::KMS::Key').find(r =>
    mentions(get(r.properties, 'KeyPolicy'), 'logs.'),
  )?.logicalId;
  if (existing) return { keyId: existing, specs: [] };
  const keyId = freeLogicalId(t, base);
  return {
    keyId,
    specs: [
      {
        kind: 'addResource',
        logicalId: keyId,
        body: rotatingKey('Encrypts audit log groups', [LOGS_KEY_STATEMENT]),
      },
    ],
  };
}

/**
 * A new KMS key with yearly rotation whose policy leaves the account in control (administrators through IAM) and
 * adds `statements` for the services that use it.
 */
export function rotatingKey(description: string, statements: FixValue[]): FixValue {
  return {
    Type: 'AWS::KMS::Key',
    Properties: {
      Description: description,
      EnableKeyRotation: true,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AccountAdministration',
            Effect: 'Allow',
            Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
            Action: 'kms:*',
            Resource: '*',
          },
          ...statements,
        ],
      },
    },
  };
}

/** Key-policy statement that lets CloudWatch Logs in this region encrypt with the key. */
export const LOGS_KEY_STATEMENT: FixValue = {
  Sid: 'CloudWatchLogsUse',
  Effect: 'Allow',
  Principal: { Service: sub('logs.${AWS::Region}.amazonaws.com') },
  Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
  Resource: '*',
};

/**
 * A versioned, object-locked, KMS-encrypted bucket for CloudTrail and Config, with a policy that lets them write and
 * nobody delete.
 */
export function logArchiveBucket(t: Template, days: number): { bucketId: string; specs: FixSpec[] } {
  const service = (s: string): FixValue => ({ Service: s });
  return protectedLogBucket(t, 'AuditLogBucket', {
    encryption: { SSEAlgorithm: 'aws:kms', bucketKey: true },
    properties: {
      VersioningConfiguration: { Status: 'Enabled' },
      ObjectLockEnabled: true,
      ObjectLockConfiguration: {
        ObjectLockEnabled: 'Enabled',
        Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: days } },
      },
      LifecycleConfiguration: {
        Rules: [
          {
            Id: 'ArchiveAfterOneYear',
            Status: 'Enabled',
            Transitions: [{ StorageClass: 'GLACIER', TransitionInDays: 365 }],
          },
        ],
      },
    },
    writers: (bucketId): FixValue[] => [
      {
        Sid: 'AuditServicesAclCheck',
        Effect: 'Allow',
        Principal: { Service: ['cloudtrail.amazonaws.com', 'config.amazonaws.com'] },
        Action: ['s3:GetBucketAcl', 's3:ListBucket'],
        Resource: arn(bucketId),
      },
      {
        Sid: 'CloudTrailWrite',
        Effect: 'Allow',
        Principal: service('cloudtrail.amazonaws.com'),
        Action: 's3:PutObject',
        Resource: sub(`\${${bucketId}.Arn}/AWSLogs/\${AWS::AccountId}/*`),
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
      {
        Sid: 'ConfigWrite',
        Effect: 'Allow',
        Principal: service('config.amazonaws.com'),
        Action: 's3:PutObject',
        Resource: sub(`\${${bucketId}.Arn}/AWSLogs/\${AWS::AccountId}/Config/*`),
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
      },
    ],
  });
}

/** The bucket-policy resource that grants `service` access to `bucketId`, for `DependsOn`. */
export function policyOf(t: Template, bucketId: string): string | undefined {
  return resourcesOfType(t, 'AWS::S3::BucketPolicy').find(r => refTarget(get(r.properties, 'Bucket'))?.id === bucketId)
    ?.logicalId;
}

export { arn, ref, sub };

/**
 * A bucket for S3 server access logs, as S3 accepts it: SSE-S3 (the only default encryption the delivery supports), no
 * Object Lock, versioning on, public access blocked, and a policy that admits logging.s3.amazonaws.com, denies
 * requests without TLS and denies deleting the logs.
 */
export function accessLogBucket(t: Template): { bucketId: string; specs: FixSpec[] } {
  return protectedLogBucket(t, 'AccessLogBucket', {
    encryption: { SSEAlgorithm: 'AES256' },
    properties: {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      VersioningConfiguration: { Status: 'Enabled' },
    },
    writers: (bucketId): FixValue[] => [
      {
        Sid: 'S3ServerAccessLogs',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: sub(`\${${bucketId}.Arn}/*`),
        Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
      },
    ],
  });
}

/**
 * A new log bucket and its policy, as the log rules want every log bucket: kept on stack deletion, public access
 * blocked, requests without TLS and deletion of the logs denied. The caller says how it is encrypted, what else it
 * needs, and which services the policy lets write (`writers`, ahead of the denials).
 */
function protectedLogBucket(
  t: Template,
  base: string,
  spec: {
    encryption: { SSEAlgorithm: string; bucketKey?: true };
    properties: Record<string, FixValue>;
    writers: (bucketId: string) => FixValue[];
  },
): { bucketId: string; specs: FixSpec[] } {
  const bucketId = freeLogicalId(t, base);
  const policyId = freeLogicalId(t, `${bucketId}Policy`);
  const objects = sub(`\${${bucketId}.Arn}/*`);
  const byDefault = { ServerSideEncryptionByDefault: { SSEAlgorithm: spec.encryption.SSEAlgorithm } };
  const bucket: FixValue = {
    Type: 'AWS::S3::Bucket',
    DeletionPolicy: 'Retain',
    UpdateReplacePolicy: 'Retain',
    Properties: {
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [
          spec.encryption.bucketKey ? { ...byDefault, BucketKeyEnabled: true } : byDefault,
        ],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      ...spec.properties,
    },
  };
  const policy: FixValue = {
    Type: 'AWS::S3::BucketPolicy',
    Properties: {
      Bucket: ref(bucketId),
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          ...spec.writers(bucketId),
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [arn(bucketId), objects],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
          {
            Sid: 'DenyLogDeletion',
            Effect: 'Deny',
            Principal: '*',
            Action: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
            Resource: objects,
          },
        ],
      },
    },
  };
  return {
    bucketId,
    specs: [
      { kind: 'addResource', logicalId: bucketId, body: bucket },
      { kind: 'addResource', logicalId: policyId, body: policy },
    ],
  };
}
