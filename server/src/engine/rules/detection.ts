import { Template } from '../model/template';
import { bucketWritableBy, logArchiveBucket, ref, sub } from './baseline';
import { branchesAt } from '../model/evaluate';
import { freeLogicalId, nodeOutcomes, requireTrue, resourcesKey, UNKNOWN, asBool } from './helpers';
import { FixSpec, FixValue } from '../fixes/spec';
import { Rule } from './types';

/**
 * Account-level threat detection: GuardDuty, AWS Config and Security Hub. These exist once per account and region,
 * so the rules run only on account-baseline templates (or when accountLevelRules is "always").
 */

const DETECTOR = 'AWS::GuardDuty::Detector';
const RECORDER = 'AWS::Config::ConfigurationRecorder';
const CHANNEL = 'AWS::Config::DeliveryChannel';

const has = (t: Template, type: string) => t.resources.some(r => r.type === type);

const detectorPresent: Rule = {
  id: 'guardduty-detector-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, DETECTOR)) return;
    ctx.report({
      at: resourcesKey(t),
      fix: {
        kind: 'addResource',
        logicalId: freeLogicalId(t, 'GuardDutyDetector'),
        body: { Type: DETECTOR, Properties: { Enable: true, FindingPublishingFrequency: 'FIFTEEN_MINUTES' } },
      },
    });
  },
};

const detectorEnabled: Rule = {
  id: 'guardduty-detector-enabled',
  accountLevel: true,
  resourceTypes: [DETECTOR],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['Enable']);
  },
};

/** A delivery channel writing to a bucket Config may use, adding the log archive bucket when there is none. */
function deliveryChannel(t: Template): FixSpec {
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

const recorderPresent: Rule = {
  id: 'config-recorder-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, RECORDER)) return;
    const recorder: FixSpec = {
      kind: 'addResource',
      logicalId: freeLogicalId(t, 'ConfigRecorder'),
      body: {
        Type: RECORDER,
        Properties: {
          RoleARN: sub(
            'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig',
          ),
          RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
        },
      },
    };
    if (!has(t, CHANNEL)) recorder.also = [deliveryChannel(t)];
    ctx.report({ at: resourcesKey(t), fix: recorder });
  },
};

/** Without a RecordingGroup Config records every supported type; a written group must say AllSupported: true. */
const recordAll: Rule = {
  id: 'config-record-all-supported',
  accountLevel: true,
  resourceTypes: [RECORDER],
  checkResource(r, ctx) {
    for (const g of branchesAt(r.node, ['Properties', 'RecordingGroup'])) {
      if (g.node === undefined) continue;
      for (const o of nodeOutcomes(ctx, g.node, ['AllSupported'])) {
        const b = asBool(o.value);
        if (b === true || b === UNKNOWN) continue;
        const via = [...g.via, ...o.via];
        ctx.report({
          at: o.anchor ?? g.node,
          via,
          fix: via.length
            ? undefined
            : {
                kind: 'set',
                resource: r,
                path: ['Properties', 'RecordingGroup'],
                value: { AllSupported: true, IncludeGlobalResourceTypes: true },
              },
        });
      }
    }
  },
};

const channelPresent: Rule = {
  id: 'config-delivery-channel',
  accountLevel: true,
  resourceTypes: [RECORDER],
  checkResource(r, ctx) {
    if (has(ctx.template, CHANNEL)) return;
    ctx.report({ fix: deliveryChannel(ctx.template) });
  },
};

const hubPresent: Rule = {
  id: 'securityhub-hub-present',
  accountLevel: true,
  checkTemplate(t, ctx) {
    if (has(t, 'AWS::SecurityHub::Hub')) return;
    ctx.report({
      at: resourcesKey(t),
      fix: {
        kind: 'addResource',
        logicalId: freeLogicalId(t, 'SecurityHub'),
        body: { Type: 'AWS::SecurityHub::Hub', Properties: { EnableDefaultStandards: true } },
      },
    });
  },
};

export const detectionRules: Rule[] = [
  detectorPresent,
  detectorEnabled,
  recorderPresent,
  recordAll,
  channelPresent,
  hubPresent,
];
