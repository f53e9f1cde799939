import * as path from 'path';
import { describeEntry } from '../engine';
import { draftAssessment } from '../engine/newAssessment';
import { CommandEnv, CommandHandler, L, stringArg } from './commandEnv';
import { coverageReport, disclosure } from './reports';
import { ExplainResult, NewAssessmentResult, ServerCommands } from './protocol';
import { toPath } from './session';
import { checkWorkspace } from './workspaceCheck';

/** The registry behind `workspace/executeCommand`; features add their commands here. */
export const SERVER_COMMANDS = new Map<string, CommandHandler>([
  [ServerCommands.checkWorkspace, checkWorkspace],
  [ServerCommands.coverageReport, coverageReport],
  [ServerCommands.disclosure, disclosure],
  [ServerCommands.newAssessment, newAssessment],
  [ServerCommands.explain, explain],
]);

export function explain(args: unknown[], env: CommandEnv): ExplainResult {
  const { catalog, settings } = env.session;
  const id = stringArg(args, 0);
  if (!id)
    return {
      message: L(
        settings.lang,
        '説明する ID（規則・シナリオなど）を指定してください',
        'Give an ID to explain (a rule, scenario, threat, service or guideline item)',
      ),
    };
  const entry = catalog.lookup(id);
  if (!entry) {
    const s = catalog.suggest(id);
    const ja = `"${id}" は iryo-guard のカタログにありません${s.length ? `。もしかして: ${s.join(', ')}` : ''}`;
    const en = `"${id}" is not in the iryo-guard catalog${s.length ? `; did you mean ${s.join(', ')}?` : ''}`;
    return { message: L(settings.lang, ja, en) };
  }
  return { id: entry.id, markdown: describeEntry(entry, catalog, settings.lang, { guideline: settings.guideline }) };
}

export function newAssessment(args: unknown[], env: CommandEnv): NewAssessmentResult {
  const { session } = env;
  const lang = session.settings.lang;
  const uri = stringArg(args, 0);
  const file = uri && toPath(uri);
  if (file) env.allowPaths([file]);
  const analysis = uri ? session.analysisOf(uri) : undefined;
  if (!uri || !file || !analysis || (analysis.kind !== 'cloudformation' && analysis.kind !== 'cdk')) {
    return {
      message: L(
        lang,
        'CloudFormation テンプレートまたは CDK のファイルを開いてから実行してください',
        'Open a CloudFormation template or CDK file first',
      ),
    };
  }
  const draft = draftAssessment(analysis, session.catalog, {
    lang,
    guideline: session.settings.guideline,
    iacPath: path.basename(file),
  });
  const target = path.join(path.dirname(file), draft.fileName);
  return { ...draft, uri: uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(path.basename(target)) };
}
