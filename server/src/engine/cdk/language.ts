import { Analysis, EngineContext } from '../context';
import { runRules } from '../template/run';
import { templateCodeLenses } from '../template/code-lens';
import { templateHover } from '../template/hover';
import { idCompletions } from '../completion';
import { LanguageSupport, TemplateParse } from '../language';
import { DocSymbol } from '../model/types';
import { buildModel } from './build-model';
import { typescriptFixer } from './ts-fix';
import { ProjectConfig } from './front-end';
import { CdkModel } from './model';
import { ParsedSource, parseSource } from './ts-parse';
import { scanTypescript, TsScan } from './ts-scan';
import { Finding } from '../model/types';
import { LineIndex } from '../model/text';
import { Stages } from '../guard';
import { problemFinding } from '../findings';
import { MAX_TS_DEPTH, tooDeepProblem } from '../parse/limits';

/** `import … from 'aws-cdk-lib…'` / `'@aws-cdk/…'` (or `require`) anywhere in the file: cheap, no parse. */
const CDK_IMPORT = /(?:from\s*|require\(\s*)['"](?:aws-cdk-lib(?:\/[\w-]+)?|@aws-cdk\/[\w-]+)['"]/;

export const cdkLanguage: LanguageSupport = {
  kind: 'cdk',
  claims: (uri, text) => /\.ts$/i.test(uri) && !/\.d\.ts$/i.test(uri) && CDK_IMPORT.test(text),
  analyze: analyzeCdk,
  parse: parseCdk,
  hover: templateHover,
  codeLenses: templateCodeLenses,
  complete: (a, offset, ctx) => {
    const pos = a.lines.position(offset);
    const before = a.lines.lineText(pos.line).slice(0, pos.character);
    return /\/\/\s*iryo-guard-ignore\b/.test(before) ? idCompletions(a, offset, ctx, ['rule']) : [];
  },
};

export function analyzeCdk(uri: string, text: string, ctx: EngineContext): Analysis {
  return parseCdk(uri, text, ctx).check(ctx);
}

/**
 * Reads CDK source into the resource model; `check` then runs the rules with TypeScript fixes. Stage by stage (parse,
 * scan, model — one construct at a time —, rules, symbols): a stage that fails becomes an `engine-error` finding and
 * what the stages before it found is kept.
 */
export function parseCdk(uri: string, text: string, ctx: EngineContext): TemplateParse {
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(text));
  const stages = new Stages(ctx, uri, index);
  const base = { uri, kind: 'cdk' as const, text, fixes: [], symbols: [] };
  const parsed = stages.run('parse', () => parseSource(uri, text), undefined);
  if (!parsed) return { check: () => ({ ...base, lines: index(), findings: [...stages.failures] }) };
  const nesting = nestingFindings(ctx, uri, index(), parsed);
  const scanned = stages.run('cdk-scan', () => scanTypescript(uri, text, parsed, projectConfig(uri, ctx)), undefined);
  const model = scanned && stages.run('cdk-model', () => modelOf(scanned, parsed, stages), undefined);
  const readFailures = [...stages.failures];
  if (!model) return { check: () => ({ ...base, lines: index(), findings: [...nesting, ...readFailures] }) };
  return {
    template: model.template,
    check(checkCtx) {
      // Syntax errors are the editor's own TypeScript diagnostics; the recovered tree is still analysed.
      const run = runRules(model.template, checkCtx, typescriptFixer(model));
      const checking = new Stages(checkCtx, uri, () => model.template.lines);
      const symbols = checking.run('symbols', () => symbolsOf(model), []);
      const findings = [...nesting, ...readFailures, ...run.findings, ...checking.failures];
      return { ...base, lines: model.template.lines, findings, fixes: run.fixes, symbols, template: model.template };
    },
  };
}
/** Where brackets nest deeper than the limit (one finding, at the first cut), or the whole file when unparsable. */
function nestingFindings(ctx: EngineContext, uri: string, lines: LineIndex, parsed: ParsedSource): Finding[] {
  const first = parsed.cuts[0];
  if (parsed.unparsable)
    return [problemFinding(ctx, uri, lines, tooDeepProblem({ start: 0, end: 0 }, undefined, MAX_TS_DEPTH))];
  if (!first) return [];
  // The span starts inside the bracket that opens the level beyond the limit: point at that bracket.
  const at = { start: Math.max(0, first.start - 1), end: first.end + 1 };
  return [problemFinding(ctx, uri, lines, tooDeepProblem(at, parsed.depth, MAX_TS_DEPTH))];
}

/** Analyses and returns the model too (tests and tools). */
export function cdkModelOf(uri: string, text: string, ctx: EngineContext): CdkModel {
  return readModel(uri, text, parseSource(uri, text), projectConfig(uri, ctx));
}

/** The TypeScript front-end's scan, then the shared model builder. */
function readModel(uri: string, text: string, parsed: ParsedSource, project: ProjectConfig): CdkModel {
  return modelOf(scanTypescript(uri, text, parsed, project), parsed);
}

/** The model of a scan; with `stages`, a construct or method call that fails is skipped and reported. */
function modelOf({ scan, imports, env }: TsScan, parsed: ParsedSource, stages?: Stages): CdkModel {
  const guard =
    stages &&
    (<T>(stage: 'construct' | 'method', name: string, f: () => T, fallback: T) => stages.run(stage, f, fallback, name));
  return { ...buildModel(scan, guard), parsed, imports, env };
}

function symbolsOf(model: CdkModel): DocSymbol[] {
  const t = model.template;
  const all = [...t.resources, ...model.unreadable].sort((a, b) => a.idStart - b.idStart);
  return all.map(r => ({
    name: r.logicalId,
    kind: 'resource',
    detail: r.type,
    range: t.lines.range(r.idStart, r.idEnd),
    selectionRange: t.lines.range(r.idStart, r.idEnd),
  }));
}

/** Feature flags from the nearest cdk.json above the file (`context`), read through the engine's file reader. */
export function projectConfig(uri: string, ctx: EngineContext): ProjectConfig {
  if (!ctx.readFile || !uri.startsWith('file:')) return { found: false, flags: {} };
  let dir = uri.slice(0, uri.lastIndexOf('/'));
  for (let i = 0; i < 12 && dir.length > 'file://'.length; i++) {
    const text = ctx.readFile(`${dir}/cdk.json`);
    if (typeof text === 'string') {
      try {
        const json = JSON.parse(text) as { context?: Record<string, unknown> };
        return { found: true, flags: json.context && typeof json.context === 'object' ? json.context : {} };
      } catch {
        return { found: false, flags: {} };
      }
    }
    dir = dir.slice(0, dir.lastIndexOf('/'));
  }
  return { found: false, flags: {} };
}
