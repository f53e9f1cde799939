/**
 * Buckets that receive logs, found through the project's references (so a trail in the monitoring stack writing to
 * a bucket of the logging stack counts), once per bucket and in constant time: the index is built once per project.
 */
import { get, scalarString } from '../../model/node';
import { Resource } from '../../model/template';
import { RuleContext } from '../types';

export const BUCKET = 'AWS::S3::Bucket';

/** Who writes logs into a bucket, as the property that names the bucket. */
const LOG_WRITERS: { type: string; path: string; accessLogs?: true }[] = [
  { type: BUCKET, path: 'LoggingConfiguration.DestinationBucketName', accessLogs: true },
  { type: 'AWS::CloudTrail::Trail', path: 'S3BucketName' },
  { type: 'AWS::Config::DeliveryChannel', path: 'S3BucketName' },
  { type: 'AWS::EC2::FlowLog', path: 'LogDestination' },
  { type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', path: 'LoadBalancerAttributes.Value' },
  { type: 'AWS::ElasticLoadBalancing::LoadBalancer', path: 'AccessLoggingPolicy.S3BucketName' },
  { type: 'AWS::CloudFront::Distribution', path: 'DistributionConfig.Logging.Bucket' },
  { type: 'AWS::WAFv2::LoggingConfiguration', path: 'LogDestinationConfigs' },
];

export interface LogBucketRole {
  /** Some service or resource writes logs into it. */
  log: boolean;
  /** It receives S3 server access logs (which may not have Object Lock, nor log to itself). */
  accessLogTarget: boolean;
}

/** Whether a bucket receives logs, and which kind. */
export function logBucketRole(ctx: RuleContext, bucket: Resource): LogBucketRole {
  const referrers = ctx.project.referrers(bucket);
  const writes = (w: (typeof LOG_WRITERS)[number]) =>
    referrers.some(x => x.resource.type === w.type && x.path === w.path);
  let log = scalarString(get(bucket.properties, 'AccessControl')) === 'LogDeliveryWrite';
  let accessLogTarget = false;
  for (const w of LOG_WRITERS) {
    if (!writes(w)) continue;
    log = true;
    if (w.accessLogs) accessLogTarget = true;
  }
  return { log, accessLogTarget };
}

/** This template's log buckets (access-log targets first), computed once per analysis: where a fix sends logs. */
export function templateLogBuckets(ctx: RuleContext): string[] {
  return ctx.once('templateLogBuckets', () => {
    const buckets = ctx.template.resources.filter(b => b.type === BUCKET);
    const roles = buckets.map(b => ({ id: b.logicalId, role: logBucketRole(ctx, b) }));
    return [
      ...roles.filter(x => x.role.accessLogTarget).map(x => x.id),
      ...roles.filter(x => x.role.log && !x.role.accessLogTarget).map(x => x.id),
    ];
  });
}
