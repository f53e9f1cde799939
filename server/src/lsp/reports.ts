import { Analysis, EngineContext, RISK_FILE } from '../engine';
import { CommandEnv, L, stringArg } from './commandEnv';
import { CoverageReportResult } from './protocol';
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
    return { title: ctx.settings.lang === 'ja' ? `レポート: ${name}` : `Report: ${name}`, html: renderHtml(report) };
  },
};

export function coverageReport(args: unknown[], env: CommandEnv): CoverageReportResult {
  const lang = env.session.settings.lang;
  const uri = stringArg(args, 0);
  const isRiskFile = !!uri && RISK_FILE.test(decodeURIComponent(uri));
  if (!uri || !isRiskFile) {
    return {
      message: L(
        lang,
        'カバレッジレポートを表示するには *.risk.yaml ファイルを開いてください',
        'Open a *.risk.yaml file to see its coverage report',
      ),
    };
  }
  const analysis = env.session.analysisOf(uri);
  const render = analysis && COVERAGE_RENDERERS[analysis.kind];
  if (!analysis || !render) {
    return {
      message: L(
        lang,
        'このバージョンの iryo-guard ではリスクファイルのカバレッジレポートを作成できません',
        'This version of iryo-guard cannot build a coverage report for risk files',
      ),
    };
  }
  return render(analysis, env.session.context(uri));
}
