import { get, intrinsicName, isMap, isScalar, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import {
  anchorOf,
  freeLogicalId,
  itemsOf,
  nodeOutcomes,
  policyStatements,
  propertyOutcomes,
  refTarget,
  UNKNOWN,
} from './helpers';
import { Rule, RuleContext } from './types';

const PUBLIC_ACLS = new Set(['PublicRead', 'PublicReadWrite', 'AuthenticatedRead']);

const publicAcl: Rule = {
  id: 's3-bucket-public-acl',
  resourceTypes: ['AWS::S3::Bucket'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['AccessControl'])) {
      if (o.value === UNKNOWN || o.value === undefined || !PUBLIC_ACLS.has(String(o.value))) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: String(o.value) },
        fix: o.via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'Private' },
      });
    }
  },
};

/** `Principal: "*"`, `{AWS: "*"}` or `{AWS: ["*"]}`. */
function isEveryone(p: Node | undefined): boolean {
  if (isScalar(p)) return scalarString(p) === '*';
  if (!isMap(p) || intrinsicName(p)) return false;
  return itemsOf(get(p, 'AWS')).some(x => scalarString(x) === '*');
}

const publicPolicy: Rule = {
  id: 's3-bucket-policy-public',
  resourceTypes: ['AWS::S3::BucketPolicy'],
  checkResource(r, ctx) {
    for (const s of policyStatements(get(r.properties, 'PolicyDocument'))) {
      const effect = nodeOutcomes(ctx, s, ['Effect']);
      if (!effect.every(o => o.value === 'Allow')) continue;
      const principal = get(s, 'Principal');
      if (!isEveryone(principal) || get(s, 'Condition') !== undefined) continue;
      ctx.report({ at: principal ?? s });
    }
  },
};

/** Application load balancers that face the internet (Type absent = application, Scheme absent = internet-facing). */
function isInternetFacingAlb(ctx: RuleContext, r: Resource): boolean {
  const is = (path: string, value: string) =>
    propertyOutcomes(ctx, r, [path]).every(o => o.value === undefined || o.value === value);
  return is('Type', 'application') && is('Scheme', 'internet-facing');
}

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

const albWaf: Rule = {
  id: 'elb-waf',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
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

export const exposureRules: Rule[] = [publicAcl, publicPolicy, albWaf];
