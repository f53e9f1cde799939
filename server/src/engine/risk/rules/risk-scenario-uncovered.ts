import { ScenarioEntry } from '../../catalog/types';
import { Lang, phrase } from '../../i18n/text';
import { uncoveredScenarios } from '../coverage';
import { skeletonEdit } from '../fixes';
import { RiskRule } from './types';

/** Quick fixes for single scenarios, beside "all of them": a menu of 86 entries helps nobody. */
const SKELETON_FIXES = 8;

/**
 * Every minimum scenario of the chosen edition is covered by some risk. One finding for the whole assessment (not
 * one per scenario stacked on one place); skeletons are written in the reader's language, so when a face asks.
 */
export const rule: RiskRule = {
  id: 'risk-scenario-uncovered',
  check({ doc, catalog, report: d }) {
    const g = doc.assessment?.guideline;
    if (!g) return;
    const missing = uncoveredScenarios(catalog, doc);
    if (!missing.length) return;
    const edit = (scenarios: ScenarioEntry[]) => (lang: Lang) => {
      const e = skeletonEdit(doc, d.lines, catalog, scenarios, lang);
      return e ? [e] : undefined;
    };
    const fixes = [];
    if (missing.length > 1) fixes.push(d.fix(phrase('addSkeletonsForAll', { count: missing.length }), edit(missing)));
    for (const s of missing.slice(0, SKELETON_FIXES))
      fixes.push(d.fix(d.fixTitle('risk-scenario-uncovered', { scenario: s.id }), edit([s]), missing.length === 1));
    const scenarios = missing.map(s => s.id);
    const list = phrase('scenarioList', { ids: scenarios, first: missing[0].title });
    d.add('risk-scenario-uncovered', g.start, g.end, { scenarios: list }, { scenarios, fixes });
  },
};
