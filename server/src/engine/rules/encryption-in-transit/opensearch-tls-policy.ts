import { UNKNOWN } from '../support/outcomes';

import { phrase } from '../../i18n/text';
import { anchorOf, fixValue, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

const MODERN_OPENSEARCH_POLICY = 'Policy-Min-TLS-1-2-2019-07';

export const rule: Rule = {
  id: 'opensearch-tls-policy',
  runsOn: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['DomainEndpointOptions', 'TLSSecurityPolicy'])) {
      if (o.value === UNKNOWN) continue;
      const name = o.value === undefined || o.value === null ? 'Policy-Min-TLS-1-0-2019-07' : String(o.value);
      if (name.startsWith('Policy-Min-TLS-1-2')) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSetSoDefault', { value: name }) : name },
        fix: fixValue(
          r,
          ['DomainEndpointOptions', 'TLSSecurityPolicy'],
          o.value === undefined ? undefined : o.anchor,
          MODERN_OPENSEARCH_POLICY,
        ),
      });
    }
  },
};
