import { asBool, anchorOf, notSet, propertyOutcomes, requirePresent, requireTrue, UNKNOWN } from './helpers';
import { useTemplateKeys } from './encryption-storage';
import { Resource } from '../model/template';
import { FixSpec } from '../fixes/spec';
import { Rule, RuleContext } from './types';

/** Encryption at rest for databases, queues, streams, search and logs that carry patient data. */

/** DynamoDB always encrypts, but only `SSEEnabled: true` moves tables onto a KMS key whose use is logged. */
const dynamodbKms: Rule = {
  id: 'dynamodb-kms-encryption',
  resourceTypes: ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['SSESpecification', 'SSEEnabled']);
  },
};

const snsTopicKms: Rule = {
  id: 'sns-topic-kms',
  resourceTypes: ['AWS::SNS::Topic'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['KmsMasterKeyId'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'KmsMasterKeyId'],
      value: 'alias/aws/sns',
    }));
  },
};

/**
 * SQS: `SqsManagedSseEnabled: false` without a KMS key leaves messages unencrypted (sqs-queue-encrypted);
 * SQS-managed encryption is the default but nobody can restrict or audit its key (sqs-queue-kms).
 */
function checkSqs(r: Resource, ctx: RuleContext, report: 'unencrypted' | 'managed'): void {
  const setKey: FixSpec = { kind: 'set', resource: r, path: ['Properties', 'KmsMasterKeyId'], value: 'alias/aws/sqs' };
  for (const k of propertyOutcomes(ctx, r, ['KmsMasterKeyId'])) {
    if (k.value !== undefined && k.value !== null && k.value !== '') continue;
    for (const o of propertyOutcomes(ctx, r, ['SqsManagedSseEnabled'])) {
      const managed = o.value === undefined ? true : asBool(o.value);
      if (managed === UNKNOWN || (managed === false) !== (report === 'unencrypted')) continue;
      const via = [...k.via, ...o.via];
      ctx.report({
        at: report === 'unencrypted' ? anchorOf(r, o) : anchorOf(r, k),
        via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix: via.length ? undefined : setKey,
      });
    }
  }
}
const sqsQueueEncrypted: Rule = {
  id: 'sqs-queue-encrypted',
  resourceTypes: ['AWS::SQS::Queue'],
  checkResource: (r, ctx) => checkSqs(r, ctx, 'unencrypted'),
};
const sqsQueueKms: Rule = {
  id: 'sqs-queue-kms',
  resourceTypes: ['AWS::SQS::Queue'],
  checkResource: (r, ctx) => checkSqs(r, ctx, 'managed'),
};

const elasticacheAtRest: Rule = {
  id: 'elasticache-at-rest-encryption',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['AtRestEncryptionEnabled']);
  },
};

const opensearchAtRest: Rule = {
  id: 'opensearch-encryption-at-rest',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['EncryptionAtRestOptions', 'Enabled']);
  },
};

const kinesisEncrypted: Rule = {
  id: 'kinesis-stream-encrypted',
  resourceTypes: ['AWS::Kinesis::Stream'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['StreamEncryption'], () => ({
      kind: 'set',
      resource: r,
      path: ['Properties', 'StreamEncryption'],
      value: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' },
    }));
  },
};

/** CloudWatch Logs encrypts with a service key by default; patient data in logs deserves a key with a policy. */
const logGroupKms: Rule = {
  id: 'logs-group-kms',
  resourceTypes: ['AWS::Logs::LogGroup'],
  checkResource(r, ctx) {
    requirePresent(ctx, r, ['KmsKeyId'], () => useTemplateKeys(ctx, r, ['KmsKeyId'], 'useKmsKeyAllowingLogs'));
  },
};

export const dataEncryptionRules: Rule[] = [
  dynamodbKms,
  snsTopicKms,
  sqsQueueEncrypted,
  sqsQueueKms,
  elasticacheAtRest,
  opensearchAtRest,
  kinesisEncrypted,
  logGroupKms,
];
