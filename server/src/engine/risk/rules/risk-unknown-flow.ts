import { closest } from '../../catalog/ids';
import { unknownId } from './support';
import { RiskRule } from './types';

/** A risk's flow names one of the assessment's flows. */
export const rule: RiskRule = {
  id: 'risk-unknown-flow',
  check({ doc, report: d }) {
    const flowIds = doc.flows.map(f => f.id?.text).filter((x): x is string => !!x);
    for (const r of doc.risks)
      if (r.flow && !flowIds.includes(r.flow.text))
        unknownId(d, 'risk-unknown-flow', r.flow, closest(r.flow.text, flowIds, 3));
  },
};
