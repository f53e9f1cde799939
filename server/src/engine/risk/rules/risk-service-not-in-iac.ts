import { lookupId } from '../lookup';
import { linkedTemplates } from './linked';
import { RiskRule } from './types';

/** A control's AWS services appear in the linked templates. */
export const rule: RiskRule = {
  id: 'risk-service-not-in-iac',
  check({ doc, links, catalog, report: d }) {
    const { templates, types } = linkedTemplates(links);
    if (!templates.length) return;
    for (const risk of doc.risks)
      for (const c of risk.controls)
        for (const s of c.services) {
          const svc = lookupId(catalog, s.text, 'service');
          if (svc?.kind !== 'service' || !svc.entry.resourceTypes.length) continue;
          if (svc.entry.resourceTypes.some(t => types.has(t))) continue;
          const args = { service: svc.id, types: svc.entry.resourceTypes.join(', ') };
          d.add('risk-service-not-in-iac', s.start, s.end, args);
        }
  },
};
