/** The risk-assessment DSL (`*.risk.yaml` / `*.risk.yml`) as a LanguageSupport. */
import { Analysis, EngineContext, riskOf } from '../context';
import { problemFinding } from '../findings';
import { failureFinding, Stages } from '../guard';
import { LanguageSupport } from '../language';
import { LineIndex } from '../model/text';
import { riskCompletion } from './complete';
import { riskDefinition, riskReferences } from './definition';
import { Diagnostics } from './diagnostics';
import { riskHover } from './hover';
import { riskActions } from './migrate';
import { RiskModel } from './language-model';
import { resolveLinks } from './links';
import { RISK_RULES } from './rules/index.generated';
import { RiskRuleContext } from './rules/types';
import { RISK_FILE } from './model';
import { parseRiskDocument } from './parse';
import { riskCodeLenses, riskSymbols } from './symbols';

export { RISK_FILE };

/**
 * The last parse per file, reused while the text is unchanged: a risk file is re-checked without edits whenever a
 * linked template changes, and only the checks need to run again. Bounded so closed files do not pile up.
 */
const parses = new Map<string, { text: string; parsed: ReturnType<typeof parseRiskDocument> }>();
function parsedOnce(uri: string, text: string): ReturnType<typeof parseRiskDocument> {
  const hit = parses.get(uri);
  if (hit && hit.text === text) return hit.parsed;
  const parsed = parseRiskDocument(text);
  parses.delete(uri);
  parses.set(uri, { text, parsed });
  if (parses.size > 64) parses.delete(parses.keys().next().value!);
  return parsed;
}

/**
 * A risk file's analysis, stage by stage (parse, the `iac:` files, the rules one by one, symbols): a stage that fails
 * becomes an `engine-error` finding and what the stages before it found is kept.
 */
export function analyzeRisk(uri: string, text: string, ctx: EngineContext): Analysis {
  const lines = new LineIndex(text);
  const stages = new Stages(ctx, uri, () => lines);
  const parsed = stages.run('parse', () => parsedOnce(uri, text), undefined);
  if (!parsed) return { uri, kind: 'risk', text, lines, findings: stages.failures, fixes: [], symbols: [] };
  const { doc, problems } = parsed;
  const d = new Diagnostics(uri, lines, ctx);
  for (const p of problems) d.out.push(problemFinding(ctx, uri, lines, p));
  const links = doc.syntaxErrors ? [] : stages.run('risk-links', () => resolveLinks(doc, uri, ctx), undefined);
  // Without its links a rule could only guess about the IaC: the rules wait for a run where reading them works.
  if (!doc.syntaxErrors && links) runRiskRules({ doc, links, catalog: ctx.catalog, report: d });
  const symbols = stages.run('symbols', () => riskSymbols(doc, lines), []);
  d.out.push(...stages.failures);
  d.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const risk: RiskModel = { doc, links: links ?? [] };
  return { uri, kind: 'risk', text, lines, findings: d.out, fixes: d.fixes, symbols, risk };
}

/** Runs every risk-file rule; a rule that fails is an engine-error finding, and the others still run. */
function runRiskRules(ctx: RiskRuleContext): void {
  const d = ctx.report;
  for (const rule of RISK_RULES) {
    if (d.ctx.settings.disabledRules.includes(rule.id) && !rule.alsoReports?.length) continue;
    try {
      rule.check(ctx);
    } catch (error) {
      d.out.push(failureFinding(d.ctx, d.lines, { uri: d.uri, stage: 'rule', name: rule.id, error }));
    }
  }
}

export const riskLanguage: LanguageSupport = {
  kind: 'risk',
  claims: uri => RISK_FILE.test(uri),
  analyze: analyzeRisk,
  hover: riskHover,
  complete: riskCompletion,
  codeLenses: (a, ctx) => {
    const m = riskOf(a);
    return m ? riskCodeLenses(a.uri, m.doc, a.lines, ctx.catalog, m.links, ctx.settings.lang) : [];
  },
  definition: riskDefinition,
  references: riskReferences,
  actions: riskActions,
};
