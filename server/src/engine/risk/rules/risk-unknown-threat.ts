import { closest } from '../../catalog/ids';
import { lookupId } from '../lookup';
import { unknownId } from './support';
import { RiskRule } from './types';

/** A risk's threat is one of 表5-1 or a threat the file defines under `threats:`. */
export const rule: RiskRule = {
  id: 'risk-unknown-threat',
  check({ doc, catalog, report: d }) {
    const local = doc.threats.map(t => t.id?.text.trim()).filter((x): x is string => !!x);
    for (const r of doc.risks) {
      const t = r.threat;
      if (!t || local.includes(t.text.trim()) || lookupId(catalog, t.text, 'threat')) continue;
      const candidates = [...closest(t.text, local, 2), ...catalog.suggest(t.text, 'threat')].slice(0, 3);
      unknownId(d, 'risk-unknown-threat', t, candidates);
    }
  },
};
