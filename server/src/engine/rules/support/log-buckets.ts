import { get, scalarString } from '../../model/node';
import { Template } from '../../model/template';
import { referencedIds } from './outcomes';

export const BUCKET = 'AWS::S3::Bucket';

/** Buckets that receive logs: S3 access-log targets, CloudTrail and Config destinations, S3 flow-log destinations. */
export function logBucketIds(t: Template): { all: Set<string>; accessLogTargets: Set<string> } {
  const all = new Set<string>();
  const accessLogTargets = new Set<string>();
  const add = (ids: string[] | undefined, into?: Set<string>) => {
    for (const id of ids ?? [])
      if (t.byId.get(id)?.type === BUCKET) {
        all.add(id);
        into?.add(id);
      }
  };
  for (const r of t.resources) {
    const p = r.properties;
    switch (r.type) {
      case BUCKET:
        add(referencedIds(get(get(p, 'LoggingConfiguration'), 'DestinationBucketName')), accessLogTargets);
        if (scalarString(get(p, 'AccessControl')) === 'LogDeliveryWrite') add([r.logicalId]);
        break;
      case 'AWS::CloudTrail::Trail':
      case 'AWS::Config::DeliveryChannel':
        add(referencedIds(get(p, 'S3BucketName')));
        break;
      case 'AWS::EC2::FlowLog':
        add(referencedIds(get(p, 'LogDestination')));
        break;
    }
  }
  return { all, accessLogTargets };
}
