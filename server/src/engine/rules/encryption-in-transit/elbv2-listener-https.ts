import { get, isSeq, Node, scalarString } from '../../model/node';
import { itemsOf, UNKNOWN } from '../support/outcomes';

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

export const rule: Rule = {
  id: 'elbv2-listener-https',
  runsOn: ['AWS::ElasticLoadBalancingV2::Listener'],
  checkResource(r, ctx) {
    const redirect = redirectsToHttps(get(r.properties, 'DefaultActions'));
    if (redirect !== false) return;
    for (const o of propertyOutcomes(ctx, r, ['Protocol'])) {
      if (typeof o.value !== 'string' || o.value.toUpperCase() !== 'HTTP') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value },
        fix: { kind: 'set', resource: r, path: ['Properties', 'DefaultActions'], value: REDIRECT_TO_HTTPS },
      });
    }
  },
};
