/**
 * Failures inside the engine are loud: each becomes an `engine-error` finding naming the file and the rule or stage
 * that failed (what was computed before it is kept), and the host hears of it with the error itself
 * (`EngineContext.onEngineError`), so the faces can log the stack.
 */
import type { EngineContext } from './context';
import { makeFinding } from './findings';
import { phrase, Phrase } from './i18n/text';
import type { PhraseId } from './i18n/phrases';
import type { LineIndex } from './model/text';
import type { Finding } from './model/types';

/** The part of the engine that failed. `rule`, `finding`, `fixes`, `construct` and `method` carry a name. */
export type Stage =
  | 'rule'
  | 'parse'
  | 'template'
  | 'suppressions'
  | 'finding'
  | 'fixes'
  | 'symbols'
  | 'cdk-scan'
  | 'construct'
  | 'method'
  | 'cdk-model'
  | 'risk-links'
  | 'analysis'
  | 'hover'
  | 'completion'
  | 'code-lens'
  | 'definition'
  | 'references'
  | 'actions';

const STAGE_PHRASES: Record<Stage, PhraseId> = {
  rule: 'stageRule',
  parse: 'stageParse',
  template: 'stageTemplate',
  suppressions: 'stageSuppressions',
  finding: 'stageFinding',
  fixes: 'stageFixes',
  symbols: 'stageSymbols',
  'cdk-scan': 'stageCdkScan',
  construct: 'stageCdkConstruct',
  method: 'stageCdkMethod',
  'cdk-model': 'stageCdkModel',
  'risk-links': 'stageRiskLinks',
  analysis: 'stageAnalysis',
  hover: 'stageHover',
  completion: 'stageCompletion',
  'code-lens': 'stageCodeLens',
  definition: 'stageDefinition',
  references: 'stageReferences',
  actions: 'stageActions',
};

/** What failed: the file, the stage (and the rule or construct it was at), and the error as thrown. */
export interface EngineFailure {
  uri: string;
  stage: Stage;
  name?: string;
  error: unknown;
}

/** The stage as words (`rule s3-bucket-encryption`, `parsing`), for the finding and the log line. */
export function stagePhrase(stage: Stage, name?: string): Phrase {
  return phrase(STAGE_PHRASES[stage], name !== undefined ? { name } : undefined);
}

/** The last segment of a URI's path, decoded: the name a user knows the file by. */
export function fileLabel(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const name = last.slice(last.lastIndexOf('/') + 1) || uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The error's first line, for the finding (the stack goes to the host). */
export function errorDetail(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n')[0].slice(0, 300);
}

/** Tells the host; a host callback that throws must not turn one failure into two. */
export function reportFailure(ctx: Pick<EngineContext, 'onEngineError'>, failure: EngineFailure): void {
  try {
    ctx.onEngineError?.(failure);
  } catch {
    // The host's logger failed: the finding still says what happened.
  }
}

/** The `engine-error` finding for a failure (the host is told). `at` is where it shows, else the file's start. */
export function failureFinding(
  ctx: EngineContext,
  lines: LineIndex,
  failure: EngineFailure,
  at: { start: number; end: number } = { start: 0, end: 0 },
): Finding {
  reportFailure(ctx, failure);
  return makeFinding(ctx.catalog, ctx.settings, 'engine-error', failure.uri, lines.range(at.start, at.end), {
    file: fileLabel(failure.uri),
    stage: stagePhrase(failure.stage, failure.name),
    detail: errorDetail(failure.error),
  });
}

/**
 * Runs the stages of one file's analysis: each that fails adds an `engine-error` finding and yields its fallback, so
 * the findings of the stages that worked are kept.
 */
export class Stages {
  readonly failures: Finding[] = [];

  constructor(
    private readonly ctx: EngineContext,
    private readonly uri: string,
    private readonly lines: () => LineIndex,
  ) {}

  run<T>(stage: Stage, f: () => T, fallback: T, name?: string, at?: { start: number; end: number }): T {
    try {
      return f();
    } catch (error) {
      this.failures.push(failureFinding(this.ctx, this.lines(), { uri: this.uri, stage, name, error }, at));
      return fallback;
    }
  }
}
