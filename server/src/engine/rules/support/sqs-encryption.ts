import { keyFix, noKeyFixReason } from './deliveries';
import { Resource } from '../../model/template';
import { anchorOf, asBool, notSet, propertyOutcomes, UNKNOWN } from './outcomes';
import { RuleContext } from '../types';

/**
 * SQS: `SqsManagedSseEnabled: false` without a KMS key leaves messages unencrypted (sqs-queue-encrypted);
 * SQS-managed encryption is the default but nobody can restrict or audit its key (sqs-queue-kms).
 */
export function checkSqs(r: Resource, ctx: RuleContext, report: 'unencrypted' | 'managed'): void {
  // alias/aws/sqs unless a service sends to the queue (an SNS subscription, EventBridge): then a key admitting it.
  const setKey = keyFix(ctx, r, 'KmsMasterKeyId', 'alias/aws/sqs');
  const noFix = setKey ? undefined : noKeyFixReason(ctx, r);
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
        fix: setKey,
        noFix,
      });
    }
  }
}
