import { phrase, Phrase } from '../../i18n/text';
import { get, intrinsicName, isSeq, Node, scalarString } from '../../model/node';
import { Resource, resourcesOfType, Template } from '../../model/template';
import { itemsOf, refTarget, UNKNOWN, walk } from '../support/outcomes';

import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

const REDIRECT_TO_HTTPS = [
  { Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } },
];

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

/**
 * Why the redirect fix would be wrong here: it would replace actions the author made conditional, or send users to
 * port 443 where no HTTPS listener of the same load balancer always exists (one under a Condition may not).
 */
function redirectBlocked(t: Template, r: Resource): Phrase | undefined {
  let conditional = false;
  walk(get(r.properties, 'DefaultActions'), n => {
    if (intrinsicName(n) === 'Fn::If') conditional = true;
  });
  if (conditional) return phrase('noFixConditionalActions');
  const lb = refTarget(get(r.properties, 'LoadBalancerArn'))?.id;
  const https = resourcesOfType(t, r.type).some(
    l =>
      l !== r &&
      !l.condition &&
      lb !== undefined &&
      refTarget(get(l.properties, 'LoadBalancerArn'))?.id === lb &&
      scalarString(get(l.properties, 'Protocol'))?.toUpperCase() === 'HTTPS' &&
      scalarString(get(l.properties, 'Port')) === '443',
  );
  return https ? undefined : phrase('noFixNoHttpsListener');
}

export const rule: Rule = {
  id: 'elbv2-listener-https',
  runsOn: ['AWS::ElasticLoadBalancingV2::Listener'],
  checkResource(r, ctx) {
    const redirect = redirectsToHttps(get(r.properties, 'DefaultActions'));
    if (redirect !== false) return;
    for (const o of propertyOutcomes(ctx, r, ['Protocol'])) {
      if (typeof o.value !== 'string' || o.value.toUpperCase() !== 'HTTP') continue;
      const why = redirectBlocked(ctx.template, r);
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value },
        fix: why
          ? undefined
          : { kind: 'set', resource: r, path: ['Properties', 'DefaultActions'], value: REDIRECT_TO_HTTPS },
        noFix: why,
      });
    }
  },
};
