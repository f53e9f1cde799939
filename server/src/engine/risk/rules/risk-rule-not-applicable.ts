import { firingByRule, linkedTemplates } from './linked';
import { RiskRule } from './types';

/** A control's rule proves nothing when the linked templates have none of the resource types it applies to. */
export const rule: RiskRule = {
  id: 'risk-rule-not-applicable',
  check({ doc, links, catalog, report: d }) {
    const { templates, types } = linkedTemplates(links);
    if (!templates.length) return;
    const firing = firingByRule(templates);
    for (const risk of doc.risks)
      for (const c of risk.controls)
        for (const r of c.rules) {
          const meta = catalog.rules.get(r.text.trim());
          if (!meta || firing.get(meta.id)?.length || !meta.appliesTo?.length) continue;
          if (meta.appliesTo.some(t => types.has(t))) continue;
          d.add('risk-rule-not-applicable', r.start, r.end, { rule: meta.id, types: meta.appliesTo.join(', ') });
        }
  },
};
