import { Catalog } from '../../catalog/catalog';
import { Diagnostics } from '../diagnostics';
import { LinkedFile } from '../links';
import { RiskDocument } from '../model';

/** What a risk-file rule sees: the parsed document, the IaC it links, and where to report. */
export interface RiskRuleContext {
  doc: RiskDocument;
  links: LinkedFile[];
  catalog: Catalog;
  /** Reports findings (`report.add(rule, start, end, args, extra)`) with their planned fixes. */
  report: Diagnostics;
}

/**
 * A check of a risk-assessment file. The same shape as a template rule: an ID with catalog metadata in
 * `catalog/rules/risk.yaml`, other IDs it reports, and one check function. Found by the build like template rules.
 */
export interface RiskRule {
  id: string;
  alsoReports?: string[];
  check(ctx: RiskRuleContext): void;
}
