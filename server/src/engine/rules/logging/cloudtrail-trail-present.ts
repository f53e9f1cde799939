import { requireSingleton } from '../support/account-services';
import { FixSpec, FixValue } from '../../fixes/spec';
import { Template } from '../../model/template';
import {
  arn,
  auditRetention,
  bucketWritableBy,
  keyUsableBy,
  logArchiveBucket,
  LOGS_KEY_STATEMENT,
  policyOf,
  ref,
  rotatingKey,
} from '../support/baseline';
import { freeLogicalId } from '../support/outcomes';

import { Rule } from '../types';

/** A trail with everything the audit-log rules ask for, plus whatever it needs that the template does not have yet. */
function compliantTrail(t: Template, days: number): FixSpec {
  const extra: FixSpec[] = [];
  let bucketId = bucketWritableBy(t, 'cloudtrail.amazonaws.com');
  if (!bucketId) {
    const archive = logArchiveBucket(t, days);
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
      body: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: days, KmsKeyId: groupKey } },
    },
    { kind: 'addResource', logicalId: roleId, body: trailLogsRole(groupId) },
  );
  const body: FixValue = {
    Type: 'AWS::CloudTrail::Trail',
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

function trailKey(): FixValue {
  return rotatingKey('Encrypts CloudTrail audit logs', [
    {
      Sid: 'CloudTrailEncrypt',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: ['kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: '*',
    },
    LOGS_KEY_STATEMENT,
  ]);
}

export const rule: Rule = {
  id: 'cloudtrail-trail-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    requireSingleton(t, ctx, 'AWS::CloudTrail::Trail', () => compliantTrail(t, auditRetention(ctx.settings)));
  },
};
