import { firingByRule, linkedTemplates } from './linked';
import { RiskRule } from './types';

/** A control that claims a rule as its proof is contradicted when that rule fires on the linked templates. */
export const rule: RiskRule = {
  id: 'risk-control-contradicted',
  check({ doc, links, catalog, report: d }) {
    const { templates } = linkedTemplates(links);
    if (!templates.length) return;
    const firing = firingByRule(templates);
    for (const risk of doc.risks)
      for (const c of risk.controls)
        for (const r of c.rules) {
          const meta = catalog.rules.get(r.text.trim());
          const fired = meta ? (firing.get(meta.id) ?? []) : [];
          if (!meta || !fired.length) continue;
          const where = fired.map(({ f, l }) => `${f.resource ?? '?'} (${l.path.text}:${f.range.start.line + 1})`);
          const locations =
            where.length > 3 ? `${where.slice(0, 3).join(', ')} … (+${where.length - 3})` : where.join(', ');
          const related = fired.map(({ f }) => ({ uri: f.uri, range: f.range, message: { finding: f } }));
          d.add(
            'risk-control-contradicted',
            r.start,
            r.end,
            { rule: meta.id, locations },
            { related, resource: fired[0].f.resource },
          );
        }
  },
};
