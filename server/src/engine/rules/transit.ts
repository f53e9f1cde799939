import { phrase } from '../i18n/text';
import { get, isSeq, Node, scalarString } from '../model/node';
import { Resource } from '../model/template';
import { anchorOf, itemsOf, notSet, propertyOutcomes, requireTrue, UNKNOWN } from './helpers';
import { FixSpec } from '../fixes/spec';
import { Rule, RuleContext } from './types';

/** Encryption in transit: load balancers, CDN, caches and search domains must speak TLS 1.2 or newer. */

const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const MODERN_ELB_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';
/** What ELB applies to an HTTPS/TLS listener without SslPolicy: it still accepts TLS 1.0. */
const DEFAULT_ELB_POLICY = 'ELBSecurityPolicy-2016-08';

/** ELB security policies whose minimum protocol is TLS 1.0 or 1.1. */
export function isWeakElbPolicy(name: string): boolean {
  return /^ELBSecurityPolicy-(2015-\d\d|2016-08|FS-2018-06)$/.test(name) || /^ELBSecurityPolicy-.*-1-[01]-/.test(name);
}

/** true when some default action redirects to HTTPS; UNKNOWN when the actions cannot be read. */
function redirectsToHttps(actions: Node | undefined): boolean | typeof UNKNOWN {
  if (actions !== undefined && !isSeq(actions)) return UNKNOWN;
  for (const a of itemsOf(actions)) {
    if (scalarString(get(a, 'Type'))?.toLowerCase() !== 'redirect') continue;
    const protocol = get(get(a, 'RedirectConfig'), 'Protocol');
    if (protocol === undefined) continue; // '#{protocol}' by default: keeps plain HTTP
    const p = scalarString(protocol);
    if (p === undefined) return UNKNOWN;
    if (p.toUpperCase() === 'HTTPS') return true;
  }
  return false;
}

const REDIRECT_TO_HTTPS = [
  { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
];

const elbv2ListenerHttps: Rule = {
  id: 'elbv2-listener-https',
  resourceTypes: [LISTENER],
  checkResource(r, ctx) {
    const redirect = redirectsToHttps(get(r.properties, 'DefaultActions'));
    if (redirect !== false) return;
    for (const o of propertyOutcomes(ctx, r, ['Protocol'])) {
      if (typeof o.value !== 'string' || o.value.toUpperCase() !== 'HTTP') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value },
        fix: o.via.length
          ? undefined
          : { kind: 'set', resource: r, path: ['Properties', 'DefaultActions'], value: REDIRECT_TO_HTTPS },
      });
    }
  },
};

const elbv2ListenerTlsPolicy: Rule = {
  id: 'elbv2-listener-tls-policy',
  resourceTypes: [LISTENER],
  checkResource(r, ctx) {
    const encrypted = propertyOutcomes(ctx, r, ['Protocol']).some(
      o => typeof o.value === 'string' && /^(HTTPS|TLS)$/i.test(o.value),
    );
    if (!encrypted) return;
    for (const o of propertyOutcomes(ctx, r, ['SslPolicy'])) {
      if (o.value === UNKNOWN) continue;
      const name = o.value === undefined || o.value === null ? DEFAULT_ELB_POLICY : String(o.value);
      if (!isWeakElbPolicy(name)) continue;
      const value = o.value === undefined ? phrase('notSetSoDefault', { value: DEFAULT_ELB_POLICY }) : name;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value, policy: MODERN_ELB_POLICY },
        fix: o.via.length
          ? undefined
          : fixValue(r, ['SslPolicy'], o.value === undefined ? undefined : o.anchor, MODERN_ELB_POLICY),
      });
    }
  },
};

/** Set an absent property, or replace the literal that is there. */
function fixValue(r: Resource, path: string[], written: Node | undefined, value: string): FixSpec {
  return written
    ? { kind: 'replace', node: written, value }
    : { kind: 'set', resource: r, path: ['Properties', ...path], value };
}

/** Classic load balancers: an HTTP listener carries requests in clear text. */
const elbClassicListenerHttps: Rule = {
  id: 'elb-classic-listener-https',
  resourceTypes: ['AWS::ElasticLoadBalancing::LoadBalancer'],
  checkResource(r, ctx) {
    const listeners = get(r.properties, 'Listeners');
    if (!isSeq(listeners)) return;
    listeners.items.forEach((_, i) => {
      for (const o of propertyOutcomes(ctx, r, ['Listeners', i, 'Protocol'])) {
        if (typeof o.value !== 'string' || o.value.toUpperCase() !== 'HTTP') continue;
        const port = scalarString(get(listeners.items[i], 'LoadBalancerPort')) ?? '?';
        ctx.report({ at: anchorOf(r, o), via: o.via, args: { value: o.value, port } });
      }
    });
  },
};

const CONFIG = 'DistributionConfig';

const cloudfrontViewerHttps: Rule = {
  id: 'cloudfront-viewer-https',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  checkResource(r, ctx) {
    const paths: (string | number)[][] = [[CONFIG, 'DefaultCacheBehavior', 'ViewerProtocolPolicy']];
    const behaviors = get(get(r.properties, CONFIG), 'CacheBehaviors');
    if (isSeq(behaviors))
      behaviors.items.forEach((_, i) => paths.push([CONFIG, 'CacheBehaviors', i, 'ViewerProtocolPolicy']));
    for (const path of paths) {
      for (const o of propertyOutcomes(ctx, r, path)) {
        if (o.value !== 'allow-all') continue;
        const behavior = path[1] === 'DefaultCacheBehavior' ? 'DefaultCacheBehavior' : `CacheBehaviors[${path[2]}]`;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: o.value, behavior },
          fix: o.via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: 'redirect-to-https' },
        });
      }
    }
  },
};

/** TLSv1.2_2021 and newer security policies (TLSv1.2_2018/2019 still allow weak ciphers). */
export function isModernCloudFrontPolicy(name: string): boolean {
  const m = /^TLSv1\.2_(\d{4})$/.exec(name);
  return m ? Number(m[1]) >= 2021 : /^TLSv1\.3/.test(name);
}
const MODERN_CLOUDFRONT_POLICY = 'TLSv1.2_2021';

const cloudfrontMinTls: Rule = {
  id: 'cloudfront-min-tls',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  checkResource(r, ctx) {
    const config = get(r.properties, CONFIG);
    if (config === undefined || scalarString(config) !== undefined) return;
    const defaultCert = phrase('cloudfrontDefaultCertificate');
    if (get(config, 'ViewerCertificate') === undefined) {
      ctx.report({ args: { value: defaultCert } });
      return;
    }
    for (const o of propertyOutcomes(ctx, r, [CONFIG, 'ViewerCertificate', 'CloudFrontDefaultCertificate'])) {
      if (o.value === true || o.value === 'true')
        ctx.report({ at: anchorOf(r, o), via: o.via, args: { value: defaultCert } });
    }
    const usesOwnCert = ['AcmCertificateArn', 'IamCertificateId'].some(
      k => get(get(config, 'ViewerCertificate'), k) !== undefined,
    );
    if (!usesOwnCert) return;
    for (const o of propertyOutcomes(ctx, r, [CONFIG, 'ViewerCertificate', 'MinimumProtocolVersion'])) {
      if (o.value === UNKNOWN) continue;
      const name = o.value === undefined || o.value === null ? 'TLSv1' : String(o.value);
      if (isModernCloudFrontPolicy(name)) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSetSoDefault', { value: 'TLSv1' }) : name },
        fix: o.via.length
          ? undefined
          : fixValue(
              r,
              [CONFIG, 'ViewerCertificate', 'MinimumProtocolVersion'],
              o.value === undefined ? undefined : o.anchor,
              MODERN_CLOUDFRONT_POLICY,
            ),
      });
    }
  },
};

const elasticacheTransit: Rule = {
  id: 'elasticache-transit-encryption',
  resourceTypes: ['AWS::ElastiCache::ReplicationGroup'],
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['TransitEncryptionEnabled']);
  },
};

const OPENSEARCH = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];

const opensearchNodeToNode: Rule = {
  id: 'opensearch-node-to-node-encryption',
  resourceTypes: OPENSEARCH,
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['NodeToNodeEncryptionOptions', 'Enabled']);
  },
};

const opensearchEnforceHttps: Rule = {
  id: 'opensearch-enforce-https',
  resourceTypes: OPENSEARCH,
  checkResource(r, ctx) {
    requireTrue(ctx, r, ['DomainEndpointOptions', 'EnforceHTTPS']);
  },
};

const MODERN_OPENSEARCH_POLICY = 'Policy-Min-TLS-1-2-2019-07';

const opensearchTlsPolicy: Rule = {
  id: 'opensearch-tls-policy',
  resourceTypes: OPENSEARCH,
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['DomainEndpointOptions', 'TLSSecurityPolicy'])) {
      if (o.value === UNKNOWN) continue;
      const name = o.value === undefined || o.value === null ? 'Policy-Min-TLS-1-0-2019-07' : String(o.value);
      if (name.startsWith('Policy-Min-TLS-1-2')) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSetSoDefault', { value: name }) : name },
        fix: o.via.length
          ? undefined
          : fixValue(
              r,
              ['DomainEndpointOptions', 'TLSSecurityPolicy'],
              o.value === undefined ? undefined : o.anchor,
              MODERN_OPENSEARCH_POLICY,
            ),
      });
    }
  },
};

export const transitRules: Rule[] = [
  elbv2ListenerHttps,
  elbv2ListenerTlsPolicy,
  elbClassicListenerHttps,
  cloudfrontViewerHttps,
  cloudfrontMinTls,
  elasticacheTransit,
  opensearchNodeToNode,
  opensearchEnforceHttps,
  opensearchTlsPolicy,
];
