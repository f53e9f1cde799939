import { Analysis, EngineContext, RISK_FILE, t } from '../engine';
import { CommandEnv, stringArg } from './commandEnv';
import { CoverageReportResult, DisclosureResult } from './protocol';
import { buildDisclosure } from '../engine/risk/disclosure-model';
import { renderDisclosureMarkdown } from '../report/disclosure';
import { renderHtml } from '../report/html';
import { buildReport } from '../engine/risk/report-model';

/**
 * HTML renderers for the coverage report, by document kind. The risk-file support registers `risk` here; the
 * command answers with a message for any file no renderer handles.
 */
export const COVERAGE_RENDERERS: Partial<
  Record<Analysis['kind'], (a: Analysis, ctx: EngineContext) => { title: string; html: string }>
> = {
  risk: (a, ctx) => {
    const report = buildReport(a, ctx.catalog, ctx.settings.lang, ctx.settings.today);
    const name = decodeURIComponent(a.uri.split('/').pop() ?? a.uri);
    return { title: t('reportTitle', ctx.settings.lang, { name }), html: renderHtml(report) };
  },
};

export function coverageReport(args: unknown[], env: CommandEnv): CoverageReportResult {
  const lang = env.session.settings.lang;
  const uri = stringArg(args, 0);
  const isRiskFile = !!uri && RISK_FILE.test(decodeURIComponent(uri));
  if (!uri || !isRiskFile) {
    return { message: t('coverageNeedsRiskFile', lang) };
  }
  const analysis = env.session.analysisOf(uri);
  const render = analysis && COVERAGE_RENDERERS[analysis.kind];
  if (!analysis || !render) {
    return { message: t('coverageNotAvailable', lang) };
  }
  return render(analysis, env.session.context(uri));
}

/** The conformity disclosure draft of a risk file, as Markdown for the editor's preview. */
export function disclosure(args: unknown[], env: CommandEnv): DisclosureResult {
  const lang = env.session.settings.lang;
  const uri = stringArg(args, 0);
  const name = uri ? decodeURIComponent(uri.split('/').pop() ?? uri) : '';
  const analysis = uri && RISK_FILE.test(name) ? env.session.analysisOf(uri) : undefined;
  if (!uri || analysis?.kind !== 'risk') return { message: t('disclosureNeedsRiskFile', lang) };
  const ctx = env.session.context(uri);
  const d = buildDisclosure(analysis, ctx.catalog, lang, ctx.settings.today);
  return {
    title: `${t('disclTitle', lang)}: ${name}`,
    markdown: renderDisclosureMarkdown(d),
    fileName: name.replace(/\.risk\.ya?ml$/i, '') + '.disclosure.md',
  };
}
