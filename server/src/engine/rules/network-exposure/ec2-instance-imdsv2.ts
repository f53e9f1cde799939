import { get } from '../../model/node';
import { anchorOf, notSet, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Resource } from '../../model/template';
import { Rule, RuleContext } from '../types';

/**
 * Whether the instance boots Amazon Linux 2023 from AWS's public AMI parameter (`/aws/service/ami-amazon-linux-latest/
 * al2023-…`), written as a `resolve:ssm` reference or as the default of an SSM-typed parameter. Every value it may take
 * must be one.
 */
function amazonLinux2023(ctx: RuleContext, r: Resource): boolean {
  const images = propertyOutcomes(ctx, r, ['ImageId']);
  const path = /\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-/;
  return images.length > 0 && images.every(o => typeof o.value === 'string' && path.test(o.value));
}

export const rule: Rule = {
  id: 'ec2-instance-imdsv2',
  runsOn: ['AWS::EC2::Instance'],
  checkResource(r, ctx) {
    // A launch template decides when the instance names one (checked by ec2-launch-template-imdsv2); otherwise the
    // instance's own MetadataOptions.HttpTokens must be `required`.
    if (get(r.properties, 'LaunchTemplate') !== undefined) return;
    const al2023 = amazonLinux2023(ctx, r);
    for (const o of propertyOutcomes(ctx, r, ['MetadataOptions', 'HttpTokens'])) {
      if (o.value === UNKNOWN || o.value === 'required') continue;
      // Left out, HttpTokens follows the AMI: Amazon Linux 2023 images require IMDSv2 (catalog aws/defaults.yaml).
      if (o.value === undefined && al2023) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix: { kind: 'set', resource: r, path: ['Properties', 'MetadataOptions', 'HttpTokens'], value: 'required' },
      });
    }
  },
};
