import * as path from 'path';
import { describeEntry, t } from '../engine';
import { draftAssessment } from '../engine/newAssessment';
import { CommandEnv, CommandHandler, stringArg } from './commandEnv';
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
  if (!id) return { message: t('explainNeedsId', settings.lang) };
  const entry = catalog.lookup(id);
  if (!entry) {
    return { message: t('notInCatalog', settings.lang, { id, candidates: catalog.suggest(id) }) };
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
    return { message: t('newAssessmentNeedsTemplate', lang) };
  }
  const draft = draftAssessment(analysis, session.catalog, {
    lang,
    guideline: session.settings.guideline,
    iacPath: path.basename(file),
  });
  const target = path.join(path.dirname(file), draft.fileName);
  return { ...draft, uri: uri.slice(0, uri.lastIndexOf('/') + 1) + encodeURIComponent(path.basename(target)) };
}
