import { replaceScalar } from '../edits';
import { normalizeLevel, thresholdsOf } from '../levels';
import { Num, Str } from '../model';
import { computedLevel, isLevel } from './support';
import { RiskRule } from './types';

/** A written level agrees with impact × likelihood under the matrix, before and after treatment. */
export const rule: RiskRule = {
  id: 'risk-level-mismatch',
  check({ doc, catalog, report: d }) {
    const th = thresholdsOf(catalog, doc);
    const agree = (level: Str | undefined, impact: Num | undefined, likelihood: Num | undefined) => {
      const expected = computedLevel(th, impact, likelihood);
      if (!level || !expected || !isLevel(catalog, level) || normalizeLevel(level.text) === expected) return;
      const fix = d.fix(d.fixTitle('risk-level-mismatch', { level: expected }), [
        replaceScalar(d.lines, level, expected),
      ]);
      const score = impact!.value * likelihood!.value;
      const args = { value: level.text, impact: impact!.value, likelihood: likelihood!.value, score, expected };
      d.add('risk-level-mismatch', level.start, level.end, args, { fixes: [fix] });
    };
    for (const r of doc.risks) {
      agree(r.level, r.impact, r.likelihood);
      if (r.residual) agree(r.residual.level, r.residual.impact, r.residual.likelihood);
    }
  },
};
