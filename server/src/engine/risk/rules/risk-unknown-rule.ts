import { unknownId } from './support';
import { RiskRule } from './types';

/** A control's rules are IaC rules (not the engine's or the risk file's own checks). */
export const rule: RiskRule = {
  id: 'risk-unknown-rule',
  check({ doc, catalog, report: d }) {
    const isIac = (id: string) => !['core', 'risk'].includes(catalog.rules.get(id)?.family ?? 'core');
    for (const r of doc.risks)
      for (const c of r.controls)
        for (const s of c.rules) {
          if (isIac(s.text.trim())) continue;
          unknownId(d, 'risk-unknown-rule', s, catalog.suggest(s.text, 'rule').filter(isIac));
        }
  },
};
