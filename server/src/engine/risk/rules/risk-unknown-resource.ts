import { closest } from '../../catalog/ids';
import { replaceScalar, replacementFixes } from '../edits';
import { linkedTemplates } from './linked';
import { RiskRule } from './types';

/** A control's resources are logical IDs of the linked templates. */
export const rule: RiskRule = {
  id: 'risk-unknown-resource',
  check({ doc, links, report: d }) {
    const { templates, logicalIds } = linkedTemplates(links);
    if (!templates.length) return;
    const known = new Set(logicalIds);
    for (const risk of doc.risks)
      for (const c of risk.controls)
        for (const res of c.resources) {
          if (known.has(res.text)) continue;
          const s = closest(res.text, logicalIds, 3);
          const fixes = replacementFixes(x => replaceScalar(d.lines, res, x), s);
          d.add('risk-unknown-resource', res.start, res.end, { value: res.text, hint: d.hint(s) }, { fixes });
        }
  },
};
