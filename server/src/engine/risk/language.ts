/** The risk-assessment DSL (`*.risk.yaml` / `*.risk.yml`) as a LanguageSupport. */
import { Analysis, EngineContext, riskOf } from '../context';
import { makeFinding } from '../findings';
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

export function analyzeRisk(uri: string, text: string, ctx: EngineContext): Analysis {
  const lines = new LineIndex(text);
  const { doc, problems } = parsedOnce(uri, text);
  const d = new Diagnostics(uri, lines, ctx);
  for (const p of problems) {
    d.out.push(
      makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, lines.range(p.start, p.end), { detail: p.message }),
    );
  }
  const links = doc.syntaxErrors ? [] : resolveLinks(doc, uri, ctx);
  if (!doc.syntaxErrors) runRiskRules({ doc, links, catalog: ctx.catalog, report: d });
  const risk: RiskModel = { doc, links };
  return { uri, kind: 'risk', text, lines, findings: d.out, fixes: d.fixes, symbols: riskSymbols(doc, lines), risk };
}

/** Runs every risk-file rule; a rule that fails is an engine-error finding, and the others still run. */
function runRiskRules(ctx: RiskRuleContext): void {
  const d = ctx.report;
  for (const rule of RISK_RULES) {
    if (d.ctx.settings.disabledRules.includes(rule.id) && !rule.alsoReports?.length) continue;
    try {
      rule.check(ctx);
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      d.add('engine-error', 0, 0, { rule: rule.id, detail });
    }
  }
  d.out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
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
