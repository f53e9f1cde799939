import { Args } from '../../i18n/text';
import { replaceRange, replacementFixes } from '../edits';
import { KeyType, TYPE_NAMES } from '../keys';
import { RiskRule } from './types';

/** What the reader found while reading the sheet's shape: unknown keys, wrong value types, missing fields. */
export const rule: RiskRule = {
  id: 'risk-unknown-key',
  alsoReports: ['risk-wrong-type', 'risk-required', 'risk-duplicate-key'],
  check({ doc, report: d }) {
    for (const i of doc.issues) {
      const args: Args = { ...i.args };
      if (i.rule === 'risk-wrong-type') args.expected = TYPE_NAMES[i.args.expected as KeyType];
      if (i.rule === 'risk-unknown-key') args.hint = d.hint(i.replacements ?? []);
      const fixes = i.replacements
        ? replacementFixes(c => replaceRange(d.lines, i.start, i.end, c), i.replacements)
        : undefined;
      d.add(i.rule, i.start, i.end, args, fixes ? { fixes } : {});
    }
  },
};
