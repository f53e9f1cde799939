import { get } from '../model/node';
import { Template } from '../model/template';
import {
  arn,
  AUDIT_RETENTION_DAYS,
  bucketWritableBy,
  keyUsableBy,
  logArchiveBucket,
  LOGS_KEY_STATEMENT,
  policyOf,
  ref,
  sub,
} from './baseline';
import { freeLogicalId, mentions, propertyOutcomes, requireTrue, resourcesKey, UNKNOWN, anchorOf } from './helpers';
import { FixSpec, FixValue } from '../fixes/spec';
import { Rule } from './types';

const TRAIL = 'AWS::CloudTrail::Trail';

/** A trail with everything the audit-log rules ask for, plus whatever it needs that the template does not have yet. */
function compliantTrail(t: Template): FixSpec {
  const extra: FixSpec[] = [];
  let bucketId = bucketWritableBy(t, 'cloudtrail.amazonaws.com');
  if (!bucketId) {
    const archive = logArchiveBucket(t);
    bucketId = archive.bucketId;
    extra.push(...archive.specs);
  }
  const bucketPolicy = policyOf(t, bucketId) ?? `${bucketId}Policy`;
  let keyId = keyUsableBy(t, 'cloudtrail.amazonaws.com');
  let groupKey: FixValue = arn(keyId ?? '');
  if (!keyId) {
    keyId = freeLogicalId(t, 'AuditTrailKey');
    extra.push({ kind: 'addResource', logicalId: keyId, body: trailKey() });
    groupKey = arn(keyId);
  }
  const groupId = freeLogicalId(t, 'AuditTrailLogGroup');
  const roleId = freeLogicalId(t, 'AuditTrailLogsRole');
  extra.push(
    {
      kind: 'addResource',
      logicalId: groupId,
      body: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: AUDIT_RETENTION_DAYS, KmsKeyId: groupKey } },
    },
    { kind: 'addResource', logicalId: roleId, body: trailLogsRole(groupId) },
  );
  const body: FixValue = {
    Type: TRAIL,
    DependsOn: [bucketPolicy],
    Properties: {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      S3BucketName: ref(bucketId),
      KMSKeyId: ref(keyId),
      CloudWatchLogsLogGroupArn: arn(groupId),
      CloudWatchLogsRoleArn: arn(roleId),
    },
  };
  return { kind: 'addResource', logicalId: freeLogicalId(t, 'AuditTrail'), body, also: extra };
}

function trailKey(): FixValue {
  return {
    Type: 'AWS::KMS::Key',
    Properties: {
      Description: 'Encrypts CloudTrail audit logs',
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
          {
            Sid: 'CloudTrailEncrypt',
            Effect: 'Allow',
            Principal: { Service: 'cloudtrail.amazonaws.com' },
            Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
            Resource: '*',
          },
          LOGS_KEY_STATEMENT,
        ],
      },
    },
  };
}

function trailLogsRole(groupId: string): FixValue {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'cloudtrail.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      },
      Policies: [
        {
          PolicyName: 'DeliverTrailToLogs',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arn(groupId) },
            ],
          },
        },
      ],
    },
  };
}

const trailPresent: Rule = {
  id: 'cloudtrail-trail-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (t.resources.some(r => r.type === TRAIL)) return;
    ctx.report({ at: resourcesKey(t), fix: compliantTrail(t) });
  },
};

const multiRegion: Rule = {
  id: 'cloudtrail-multi-region',
  resourceTypes: [TRAIL],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['IsMultiRegionTrail']);
  },
};

const isLogging: Rule = {
  id: 'cloudtrail-is-logging',
  resourceTypes: [TRAIL],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['IsLogging']);
  },
};

const validation: Rule = {
  id: 'cloudtrail-log-file-validation',
  resourceTypes: [TRAIL],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['EnableLogFileValidation']);
  },
};

const kms: Rule = {
  id: 'cloudtrail-kms-encryption',
  resourceTypes: [TRAIL],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['KMSKeyId'])) {
      if (o.value === UNKNOWN || (o.value !== undefined && o.value !== '')) continue;
      const keyId = keyUsableBy(ctx.template, 'cloudtrail.amazonaws.com');
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        fix:
          keyId && !o.via.length
            ? { kind: 'set', resource: r, path: ['Properties', 'KMSKeyId'], value: ref(keyId) }
            : undefined,
      });
    }
  },
};

const cloudWatch: Rule = {
  id: 'cloudtrail-cloudwatch-logs',
  resourceTypes: [TRAIL],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['CloudWatchLogsLogGroupArn'])) {
      if (o.value === UNKNOWN || (o.value !== undefined && o.value !== '')) continue;
      const t = ctx.template;
      const role = t.resources.find(
        x =>
          x.type === 'AWS::IAM::Role' &&
          mentions(get(x.properties, 'AssumeRolePolicyDocument'), 'cloudtrail.amazonaws.com'),
      );
      const group = t.resources.find(x => x.type === 'AWS::Logs::LogGroup' && /trail|audit/i.test(x.logicalId));
      const fix: FixSpec | undefined =
        role && group && !o.via.length && get(r.properties, 'CloudWatchLogsRoleArn') === undefined
          ? {
              kind: 'set',
              resource: r,
              path: ['Properties', 'CloudWatchLogsLogGroupArn'],
              value: arn(group.logicalId),
              also: [
                { kind: 'set', resource: r, path: ['Properties', 'CloudWatchLogsRoleArn'], value: arn(role.logicalId) },
              ],
            }
          : undefined;
      ctx.report({ at: anchorOf(r, o), via: o.via, fix });
    }
  },
};

export const cloudTrailRules: Rule[] = [trailPresent, multiRegion, isLogging, validation, kms, cloudWatch];
