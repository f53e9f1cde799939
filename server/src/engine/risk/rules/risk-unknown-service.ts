import { catalogId } from './support';
import { RiskRule } from './types';

/** A control's services are AWS services the catalog knows. */
export const rule: RiskRule = {
  id: 'risk-unknown-service',
  check({ doc, report: d }) {
    for (const r of doc.risks)
      for (const c of r.controls) for (const s of c.services) catalogId(d, s, 'service', 'risk-unknown-service');
  },
};
