import { FixSpec, FixValue } from '../../fixes/spec';
import { resourcesOfType, Template } from '../../model/template';
import { bucketWritableBy, logArchiveBucket, ref } from './baseline';
import { fileName, freeLogicalId, resourcesKey } from './outcomes';
import { phrase } from '../../i18n/text';
import { RuleContext } from '../types';

/**
 * Account-level threat detection: GuardDuty, AWS Config and Security Hub. These exist once per account and region,
 * so the rules run only on account-baseline templates (or when accountLevelRules is "always").
 */

export const DETECTOR = 'AWS::GuardDuty::Detector';

export const RECORDER = 'AWS::Config::ConfigurationRecorder';

export const CHANNEL = 'AWS::Config::DeliveryChannel';

export const has = (t: Template, type: string) => resourcesOfType(t, type).length > 0;

/**
 * An account-level singleton (a trail, a detector, a recorder, a hub) the project must define once. Nothing is
 * reported when any template of the project defines it. Otherwise the finding says where it belongs, and only the
 * project's account-baseline stack gets the fix that creates it: a second one would fail to deploy.
 */
export function requireSingleton(t: Template, ctx: RuleContext, type: string, create: () => FixSpec): void {
  if (ctx.project.definingType(type).length) return;
  const designated = ctx.project.baselines()[0] ?? t.uri;
  const here = designated === t.uri;
  const where = here
    ? phrase(ctx.project.complete ? 'singletonNoneInProject' : 'singletonNoneInTemplate')
    : phrase('singletonDefineIn', { file: fileName(designated) });
  ctx.report({ at: resourcesKey(t), args: { where }, fix: here ? create() : undefined });
}

/**
 * A delivery channel writing to a bucket Config may use, adding the log archive bucket (objects locked for `days`) when
 * there is none.
 */
export function deliveryChannel(t: Template, days: number): FixSpec {
  const extra: FixSpec[] = [];
  let bucketId = bucketWritableBy(t, 'config.amazonaws.com');
  if (!bucketId) {
    const archive = logArchiveBucket(t, days);
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
