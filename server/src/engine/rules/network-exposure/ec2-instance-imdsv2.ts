import { get } from '../../model/node';
import { anchorOf, notSet, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'ec2-instance-imdsv2',
  runsOn: ['AWS::EC2::Instance'],
  checkResource(r, ctx) {
    // A launch template decides when the instance names one (checked by ec2-launch-template-imdsv2); otherwise the
    // instance's own MetadataOptions.HttpTokens must be `required`.
    if (get(r.properties, 'LaunchTemplate') !== undefined) return;
    for (const o of propertyOutcomes(ctx, r, ['MetadataOptions', 'HttpTokens'])) {
      if (o.value === UNKNOWN || o.value === 'required') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix: { kind: 'set', resource: r, path: ['Properties', 'MetadataOptions', 'HttpTokens'], value: 'required' },
      });
    }
  },
};
