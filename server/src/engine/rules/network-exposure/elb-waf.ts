import { get, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { propertyOutcomes, refTarget } from '../support/outcomes';
import { RuleContext } from '../types';

import { freeLogicalId } from '../support/outcomes';
import { Rule } from '../types';

/** Load balancers a WAF association names; undefined when one association's target cannot be read. */
function protectedByWaf(t: Template): Set<string> | undefined {
  const out = new Set<string>();
  for (const a of t.resources) {
    if (a.type !== 'AWS::WAFv2::WebACLAssociation') continue;
    const target = refTarget(get(a.properties, 'ResourceArn'));
    if (!target) return undefined;
    out.add(target.id);
  }
  return out;
}

/** Application load balancers that face the internet (Type absent = application, Scheme absent = internet-facing). */
function isInternetFacingAlb(ctx: RuleContext, r: Resource): boolean {
  const is = (path: string, value: string) =>
    propertyOutcomes(ctx, r, [path]).every(o => o.value === undefined || o.value === value);
  return is('Type', 'application') && is('Scheme', 'internet-facing');
}

export const rule: Rule = {
  id: 'elb-waf',
  runsOn: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  checkResource(r, ctx) {
    if (!isInternetFacingAlb(ctx, r)) return;
    const t = ctx.template;
    const covered = protectedByWaf(t);
    if (!covered || covered.has(r.logicalId)) return;
    const acl = t.resources.find(
      x => x.type === 'AWS::WAFv2::WebACL' && scalarString(get(x.properties, 'Scope')) === 'REGIONAL',
    );
    ctx.report({
      fix: acl
        ? {
            kind: 'addResource',
            logicalId: freeLogicalId(t, `${r.logicalId}WebAclAssociation`),
            body: {
              Type: 'AWS::WAFv2::WebACLAssociation',
              Properties: { ResourceArn: { Ref: r.logicalId }, WebACLArn: { 'Fn::GetAtt': [acl.logicalId, 'Arn'] } },
            },
          }
        : undefined,
    });
  },
};
