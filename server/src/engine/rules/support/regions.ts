import { declaredDataClass } from '../../template/data-class';
import { phrase } from '../../i18n/text';
import { Cause, scalarOutcomes, UNKNOWN } from '../../model/evaluate';
import { isMap, isScalar, isSeq, Node, scalarString } from '../../model/node';
import { Resource } from '../../model/template';
import { Rule, RuleContext } from '../types';

/**
 * Data location: medical information stays where Japanese law is enforced. Tokyo (ap-northeast-1) and Osaka
 * (ap-northeast-3) are in Japan; a region written literally anywhere else pins data or copies abroad.
 * Only literals are judged: `${AWS::Region}` is the stack's own region and is never reported.
 */

export const JAPAN = new Set(['ap-northeast-1', 'ap-northeast-3']);

export const REGION = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

export const ARN_REGION = /arn:aws[a-z-]*:([a-z0-9-]+):([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d+):/g;

/** Properties whose value is a region (DynamoDB replicas, RDS read-replica source, StackSet instances…). */
export const REGION_KEYS = new Set(['Region', 'SourceRegion', 'Regions', 'DestinationRegion', 'ReplicaRegion']);

/** Services where patient data itself lives: a copy abroad is an error. */
export const PATIENT_DATA = /^AWS::(S3|RDS|DynamoDB|Backup|EFS)::/;

/**
 * Types whose region literals are not about where data is kept (CloudFront needs us-east-1 certificates, Route 53
 * latency records…).
 */
export const NOT_DATA = /^AWS::(CloudFront|Route53|Route53Resolver|CertificateManager|WAFv2|IAM|Budgets|CloudWatch)::/;

/** ARN services that never hold data (certificates, IAM). */
export const NOT_DATA_ARN = new Set(['acm', 'iam', 'sts', 'cloudfront', 'waf', 'wafv2']);

/** Marked as holding no personal data: `data: none`, or the older `dataClassification: non-personal`. */
export function isNonPersonal(meta: Node | undefined): boolean {
  return declaredDataClass(meta) === 'none';
}

export interface Hit {
  node: Node;
  region: string;
  fixable: boolean;
  via: Cause[];
}

/** Region literals (through parameters' allowed values) and ARNs naming a region outside Japan. */
export function foreignRegions(ctx: RuleContext, props: Node): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<Node>();
  const visit = (n: Node, key: string | undefined) => {
    if (key && REGION_KEYS.has(key)) {
      const values = isSeq(n) ? n.items : [n];
      for (const v of values) {
        for (const o of scalarOutcomes(ctx.template, v)) {
          if (o.value === UNKNOWN || o.value === undefined) continue;
          const region = String(o.value);
          if (!REGION.test(region) || JAPAN.has(region) || !o.anchor) continue;
          seen.add(o.anchor);
          hits.push({ node: o.anchor, region, fixable: isScalar(v) && !o.via.length, via: o.via });
        }
      }
    }
    if (isScalar(n) && typeof n.value === 'string' && !seen.has(n)) {
      for (const m of n.value.matchAll(ARN_REGION)) {
        if (NOT_DATA_ARN.has(m[1]) || JAPAN.has(m[2])) continue;
        hits.push({ node: n, region: m[2], fixable: false, via: [] });
        break;
      }
    }
    if (isMap(n)) for (const e of n.entries) visit(e.value, e.key);
    else if (isSeq(n)) for (const item of n.items) visit(item, undefined);
  };
  visit(props, undefined);
  return hits;
}

/** Already has a replica/instance in Osaka? Then moving this one there would duplicate it. */
export function osakaTaken(r: Resource): boolean {
  let taken = false;
  const visit = (n: Node, key?: string) => {
    if (key && REGION_KEYS.has(key))
      for (const v of isSeq(n) ? n.items : [n]) if (scalarString(v) === 'ap-northeast-3') taken = true;
    if (isMap(n)) n.entries.forEach(e => visit(e.value, e.key));
    else if (isSeq(n)) n.items.forEach(i => visit(i));
  };
  if (r.properties) visit(r.properties);
  return taken;
}

export function regionRule(id: string, patientData: boolean): Rule {
  return {
    id,
    checkTemplate(t, ctx) {
      if (isNonPersonal(t.metadata)) return;
      for (const r of t.resources) {
        if (
          !r.properties ||
          NOT_DATA.test(r.type) ||
          PATIENT_DATA.test(r.type) !== patientData ||
          isNonPersonal(r.metadata)
        )
          continue;
        const osaka = osakaTaken(r);
        for (const h of foreignRegions(ctx, r.properties)) {
          ctx.report({
            resource: r,
            at: h.node,
            via: h.via,
            args: { region: h.region },
            fix:
              h.fixable && !osaka
                ? {
                    kind: 'replace',
                    node: h.node,
                    value: 'ap-northeast-3',
                    title: phrase('changeToOsaka'),
                  }
                : undefined,
          });
        }
      }
    },
  };
}
