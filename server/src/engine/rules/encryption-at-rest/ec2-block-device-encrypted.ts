import { get, isMap, isSeq, scalarString } from '../../model/node';
import { asBool, notSet, scalarOutcomesOf, setWithin, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

/** Every EBS volume an instance or launch template creates through BlockDeviceMappings. */
export const rule: Rule = {
  id: 'ec2-block-device-encrypted',
  runsOn: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  checkResource(r, ctx) {
    const owner = r.type === 'AWS::EC2::LaunchTemplate' ? get(r.properties, 'LaunchTemplateData') : r.properties;
    const mappings = get(owner, 'BlockDeviceMappings');
    if (!isSeq(mappings)) return;
    for (const m of mappings.items) {
      const ebs = get(m, 'Ebs');
      if (!isMap(ebs)) continue; // instance-store or NoDevice entries have nothing to encrypt
      const fromSnapshot = get(ebs, 'SnapshotId') !== undefined;
      for (const o of scalarOutcomesOf(ctx, get(ebs, 'Encrypted'))) {
        const b = o.value === undefined ? (fromSnapshot ? true : false) : asBool(o.value);
        if (b === true || b === UNKNOWN) continue;
        const device = scalarString(get(m, 'DeviceName')) ?? '?';
        ctx.report({
          at: o.anchor ?? get(m, 'DeviceName') ?? ebs,
          via: o.via,
          args: { device, value: o.value === undefined ? notSet() : String(o.value) },
          fix: setWithin(r, ebs, ['Encrypted'], true),
        });
      }
    }
  },
};
