import { catalogId } from './support';
import { RiskRule } from './types';

/** A control's guideline references are items of a guideline edition in the catalog. */
export const rule: RiskRule = {
  id: 'risk-unknown-guideline-item',
  check({ doc, report: d }) {
    for (const r of doc.risks)
      for (const c of r.controls)
        for (const g of c.guidelines) catalogId(d, g, 'guideline', 'risk-unknown-guideline-item');
  },
};
