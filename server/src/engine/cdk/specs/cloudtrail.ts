/** aws-cloudtrail: `Trail`, with the bucket and log group it creates. */
import { ABSENT, Cfn, Opaque } from '../cfn-value';
import { enumMember, isFalse, isTrue, opaqueOf } from '../cdk-value';
import { RETENTION } from './logs';
import { always, bool, opaque } from './props';
import { tlsPolicy } from './tls-policy';
import { CompanionSpec, ConstructSpec } from './types';

/** Without `bucket`, CDK creates an S3-encrypted bucket with a TLS-only policy, named by the trail's S3BucketName. */
const ownBucket: CompanionSpec = {
  when: 'no `bucket`',
  types: ['AWS::S3::Bucket', 'AWS::S3::BucketPolicy'],
  note: 'SSE-S3, TLS-only policy; `S3BucketName` names it',
  make: (c, id) =>
    c.has('bucket')
      ? []
      : [
          {
            suffix: 'S3',
            type: 'AWS::S3::Bucket',
            refFrom: ['S3BucketName'],
            properties: {
              BucketEncryption: {
                ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
              },
            },
          },
          {
            ...tlsPolicy({ type: 'AWS::S3::BucketPolicy', refKey: 'Bucket', action: 's3:*' }, `${id}S3`, 'bucket'),
            suffix: 'S3Policy',
            switch: undefined,
          },
        ],
};

/** `sendToCloudWatchLogs: true` without `cloudWatchLogGroup`: a log group kept `cloudWatchLogsRetention` (ONE_YEAR). */
const logGroup: CompanionSpec = {
  when: '`sendToCloudWatchLogs: true` without `cloudWatchLogGroup`',
  types: ['AWS::Logs::LogGroup'],
  note: '`cloudWatchLogsRetention` (default ONE_YEAR)',
  make: c => {
    if (!isTrue(c.value('sendToCloudWatchLogs')) || c.has('cloudWatchLogGroup')) return [];
    const r = c.value('cloudWatchLogsRetention');
    const m = r ? enumMember(r, 'aws-logs', 'RetentionDays') : 'ONE_YEAR';
    const days = m !== undefined ? RETENTION[m] : r ? opaqueOf(r) : 365;
    const properties: { [key: string]: Cfn } = days === ABSENT ? {} : { RetentionInDays: days as Cfn };
    return [{ suffix: 'LogGroup', type: 'AWS::Logs::LogGroup', prop: 'sendToCloudWatchLogs', properties }];
  },
};

export const trail: ConstructSpec = {
  module: 'aws-cloudtrail',
  classes: ['Trail'],
  type: 'AWS::CloudTrail::Trail',
  props: [
    bool('enableFileValidation', ['EnableLogFileValidation'], always(true)),
    bool('isMultiRegionTrail', ['IsMultiRegionTrail'], always(true)),
    bool('includeGlobalServiceEvents', ['IncludeGlobalServiceEvents'], always(true)),
    bool('isOrganizationTrail', ['IsOrganizationTrail']),
    opaque('encryptionKey', ['KMSKeyId']),
    opaque('kmsKey', ['KMSKeyId']),
    // A bucket made in this file becomes a Ref: rules follow it as the trail's log bucket.
    opaque('bucket', ['S3BucketName']),
    {
      prop: 'sendToCloudWatchLogs',
      cfn: ['CloudWatchLogsLogGroupArn'],
      toCfn: v => (isTrue(v) ? new Opaque('log group ARN') : isFalse(v) ? ABSENT : opaqueOf(v)),
      default: always(ABSENT),
      note: 'false',
    },
  ],
  constants: { IsLogging: true },
  companions: [ownBucket, logGroup],
};
