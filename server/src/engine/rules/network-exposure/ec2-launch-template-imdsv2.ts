import { anchorOf, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'ec2-launch-template-imdsv2',
  runsOn: ['AWS::EC2::LaunchTemplate'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'])) {
      if (o.value === UNKNOWN || o.value === 'required') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? 'optional' : String(o.value) },
        fix: {
          kind: 'set',
          resource: r,
          path: ['Properties', 'LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
          value: 'required',
        },
      });
    }
  },
};
