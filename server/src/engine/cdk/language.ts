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
import { scanTypescript } from './ts-scan';

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

/** Reads CDK source into the resource model; `check` then runs the rules with TypeScript fixes. */
export function parseCdk(uri: string, text: string, ctx: EngineContext): TemplateParse {
  const parsed = parseSource(uri, text);
  const model = readModel(uri, text, parsed, projectConfig(uri, ctx));
  return {
    template: model.template,
    check(checkCtx) {
      // Syntax errors are the editor's own TypeScript diagnostics; the recovered tree is still analysed.
      const run = runRules(model.template, checkCtx, typescriptFixer(model));
      return {
        uri,
        kind: 'cdk',
        text,
        lines: model.template.lines,
        findings: run.findings,
        fixes: run.fixes,
        symbols: symbolsOf(model),
        template: model.template,
      };
    },
  };
}

/** Analyses and returns the model too (tests and tools). */
export function cdkModelOf(uri: string, text: string, ctx: EngineContext): CdkModel {
  return readModel(uri, text, parseSource(uri, text), projectConfig(uri, ctx));
}

/** The TypeScript front-end's scan, then the shared model builder. */
function readModel(uri: string, text: string, parsed: ParsedSource, project: ProjectConfig): CdkModel {
  const { scan, imports, env } = scanTypescript(uri, text, parsed, project);
  return { ...buildModel(scan), parsed, imports, env };
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
