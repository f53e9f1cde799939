import { get, isSeq } from '../../model/node';
import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudfront-viewer-https',
  runsOn: ['AWS::CloudFront::Distribution'],
  checkResource(r, ctx) {
    const paths: (string | number)[][] = [['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy']];
    const behaviors = get(get(r.properties, 'DistributionConfig'), 'CacheBehaviors');
    if (isSeq(behaviors))
      behaviors.items.forEach((_, i) =>
        paths.push(['DistributionConfig', 'CacheBehaviors', i, 'ViewerProtocolPolicy']),
      );
    for (const path of paths) {
      for (const o of propertyOutcomes(ctx, r, path)) {
        if (o.value !== 'allow-all') continue;
        const behavior = path[1] === 'DefaultCacheBehavior' ? 'DefaultCacheBehavior' : `CacheBehaviors[${path[2]}]`;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: o.value, behavior },
          fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'redirect-to-https' },
        });
      }
    }
  },
};
