import { lookupId } from '../lookup';
import { RiskRule } from './types';

/** A threat under `threats:` is one Table 5-1 lacks: an ID that names a table threat should cite it instead. */
export const rule: RiskRule = {
  id: 'risk-threat-shadows-catalog',
  check({ doc, catalog, report: d }) {
    for (const t of doc.threats) {
      if (!t.id) continue;
      const e = lookupId(catalog, t.id.text, 'threat');
      if (e?.kind !== 'threat') continue;
      d.add('risk-threat-shadows-catalog', t.id.start, t.id.end, { id: t.id.text, threat: e.entry.label });
    }
  },
};
