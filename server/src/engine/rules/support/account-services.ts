import { FixSpec, FixValue } from '../../fixes/spec';
import { Template } from '../../model/template';
import { bucketWritableBy, logArchiveBucket, ref } from './baseline';
import { freeLogicalId } from './outcomes';

/**
 * Account-level threat detection: GuardDuty, AWS Config and Security Hub. These exist once per account and region,
 * so the rules run only on account-baseline templates (or when accountLevelRules is "always").
 */

export const DETECTOR = 'AWS::GuardDuty::Detector';

export const RECORDER = 'AWS::Config::ConfigurationRecorder';

export const CHANNEL = 'AWS::Config::DeliveryChannel';

export const has = (t: Template, type: string) => t.resources.some(r => r.type === type);

/** A delivery channel writing to a bucket Config may use, adding the log archive bucket when there is none. */
export function deliveryChannel(t: Template): FixSpec {
  const extra: FixSpec[] = [];
  let bucketId = bucketWritableBy(t, 'config.amazonaws.com');
  if (!bucketId) {
    const archive = logArchiveBucket(t);
    bucketId = archive.bucketId;
    extra.push(...archive.specs);
  }
  const body: FixValue = {
    Type: CHANNEL,
    Properties: {
      S3BucketName: ref(bucketId),
      ConfigSnapshotDeliveryProperties: { DeliveryFrequency: 'TwentyFour_Hours' },
    },
  };
  return { kind: 'addResource', logicalId: freeLogicalId(t, 'ConfigDeliveryChannel'), body, also: extra };
}
