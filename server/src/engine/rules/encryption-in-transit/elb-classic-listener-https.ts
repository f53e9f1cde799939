import { get, isSeq, scalarString } from '../../model/node';
import { anchorOf, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

/** Classic load balancers: an HTTP listener carries requests in clear text. */
export const rule: Rule = {
  id: 'elb-classic-listener-https',
  runsOn: ['AWS::ElasticLoadBalancing::LoadBalancer'],
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
