import { UNKNOWN } from '../support/outcomes';

import { phrase } from '../../i18n/text';
import { anchorOf, fixValue, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

/** ELB security policies whose minimum protocol is TLS 1.0 or 1.1. */
export function isWeakElbPolicy(name: string): boolean {
  return /^ELBSecurityPolicy-(2015-\d\d|2016-08|FS-2018-06)$/.test(name) || /^ELBSecurityPolicy-.*-1-[01]-/.test(name);
}

/** What ELB applies to an HTTPS/TLS listener without SslPolicy: it still accepts TLS 1.0. */
const DEFAULT_ELB_POLICY = 'ELBSecurityPolicy-2016-08';

const MODERN_ELB_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export const rule: Rule = {
  id: 'elbv2-listener-tls-policy',
  runsOn: ['AWS::ElasticLoadBalancingV2::Listener'],
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
        fix: fixValue(r, ['SslPolicy'], o.value === undefined ? undefined : o.anchor, MODERN_ELB_POLICY),
      });
    }
  },
};
