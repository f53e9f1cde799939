import { quantity } from '../../i18n/text';
import { daysBetween } from '../dates';
import { RiskRule } from './types';

/** The assessment's next review date has passed ("today" comes from the settings; without it nothing is said). */
export const rule: RiskRule = {
  id: 'risk-review-overdue',
  check({ doc, report: d }) {
    const next = doc.assessment?.nextReview;
    const today = d.ctx.settings.today;
    if (!next || !today || !/^\d{4}-\d{2}-\d{2}$/.test(today)) return;
    const late = daysBetween(next.iso, today);
    if (late <= 0) return;
    d.add('risk-review-overdue', next.start, next.end, { date: next.text, late: quantity(late, 'day'), today });
  },
};
