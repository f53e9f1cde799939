import { Str } from '../model';
import { RiskRule } from './types';

/** Threat, flow, risk and control IDs are unique within their list. */
export const rule: RiskRule = {
  id: 'risk-duplicate-id',
  check({ doc, report: d }) {
    const lists = [
      doc.threats.map(t => t.id),
      doc.flows.map(f => f.id),
      doc.risks.map(r => r.id),
      doc.risks.flatMap(r => r.controls.map(c => c.id)),
    ];
    for (const ids of lists) {
      const first = new Map<string, Str>();
      for (const id of ids) {
        if (!id) continue;
        const prev = first.get(id.text);
        if (!prev) first.set(id.text, id);
        else d.add('risk-duplicate-id', id.start, id.end, { id: id.text, line: d.lines.position(prev.start).line + 1 });
      }
    }
  },
};
