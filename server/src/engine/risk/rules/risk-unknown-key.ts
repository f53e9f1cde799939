import { Args } from '../../i18n/text';
import { replaceRange, replacementFixes } from '../edits';
import { KeyType, TYPE_NAMES } from '../keys';
import { Issue, RiskDocument } from '../model';
import { Catalog } from '../../catalog/catalog';
import { treatmentOf } from './support';
import { RiskRule } from './types';

/** A risk marked not applicable (対象外) is not scored: the sheet leaves its impact and likelihood blank. */
function waived(i: Issue, doc: RiskDocument, catalog: Catalog): boolean {
  if (i.rule !== 'risk-required' || !i.required || !['impact', 'likelihood'].includes(i.required.key)) return false;
  const r = doc.risks.find(x => x.obj.node === i.required!.in);
  return !!r && treatmentOf(catalog, r) === 'not-applicable';
}

/** What the reader found while reading the sheet's shape: unknown keys, wrong value types, missing fields. */
export const rule: RiskRule = {
  id: 'risk-unknown-key',
  alsoReports: ['risk-wrong-type', 'risk-required', 'risk-duplicate-key'],
  check({ doc, catalog, report: d }) {
    for (const i of doc.issues) {
      if (waived(i, doc, catalog)) continue;
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
