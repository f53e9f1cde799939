import { get, scalarString } from '../../model/node';
import { Resource, resourcesOfType } from '../../model/template';
import { propertyOutcomes } from '../support/outcomes';
import { RuleContext } from '../types';

import { freeLogicalId } from '../support/outcomes';
import { Rule } from '../types';

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
    // An association anywhere in the project counts; one whose target cannot be followed may be this one.
    const path = 'ResourceArn';
    if (ctx.project.referrers(r, { types: ['AWS::WAFv2::WebACLAssociation'], path }).length) return;
    if (ctx.project.unresolved('AWS::WAFv2::WebACLAssociation', path)) return;
    const acl = resourcesOfType(t, 'AWS::WAFv2::WebACL').find(
      x => scalarString(get(x.properties, 'Scope')) === 'REGIONAL',
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
