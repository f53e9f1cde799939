import { EngineContext, Analysis } from './context';
import { makeFinding } from './findings';
import { failureFinding, reportFailure, Stage } from './guard';
import { LANGUAGES } from './languages';
import { TemplateParse } from './language';
import { LineIndex } from './model/text';
import { CodeLens, CompletionItem, DocKind, Fix, Hover, Location } from './model/types';
import { catalogHover } from './hover';

export function languageFor(uri: string, text: string) {
  return LANGUAGES.find(l => l.claims(uri, text));
}

export function detectKind(uri: string, text: string): DocKind {
  return languageFor(uri, text)?.kind ?? 'none';
}

function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  let ctl = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c < 9 || (c > 13 && c < 32)) ctl++;
  }
  return head.length > 0 && ctl / head.length > 0.1;
}

/**
 * The engine's entry point: findings and symbols for one document. Never throws: an internal failure becomes an
 * `engine-error` finding so the user's editor keeps working. Each language runs its stages (parse, model, rules,
 * symbols) under `Stages`, so a failure keeps what the stages before it found; this catch is the last resort.
 */
export function analyze(uri: string, text: string, ctx: EngineContext): Analysis {
  // Built only on the paths that answer without a language (each language indexes the text itself).
  let lines: LineIndex | undefined;
  const index = () => (lines ??= new LineIndex(text));
  const empty = (kind: DocKind): Analysis => ({
    uri,
    kind,
    text,
    lines: index(),
    findings: [],
    symbols: [],
    fixes: [],
  });
  const lang = languageFor(uri, text);
  if (!lang) return empty('none');
  const size = Buffer.byteLength(text, 'utf8');
  if (size / 1024 > ctx.settings.maxFileSizeKB) return tooLarge(uri, lang.kind, empty(lang.kind), size, ctx);
  if (looksBinary(text)) return empty('none');
  try {
    return lang.analyze(uri, text, ctx);
  } catch (error) {
    return { ...empty(lang.kind), findings: [failureFinding(ctx, index(), { uri, stage: 'analysis', error })] };
  }
}

function tooLarge(uri: string, kind: DocKind, base: Analysis, size: number, ctx: EngineContext): Analysis {
  const finding = makeFinding(ctx.catalog, ctx.settings, 'file-too-large', uri, base.lines.range(0, 0), {
    size: Math.round(size / 1024),
    limit: ctx.settings.maxFileSizeKB,
  });
  return { ...base, kind, findings: [finding] };
}

/**
 * A file the host did not read because it is over the size limit: `head` (its first bytes) tells what it may be, and
 * the analysis is the `file-too-large` finding alone, with empty text. A YAML or JSON file whose head shows only
 * comments or template sections may be a template: it gets the finding rather than passing as something else.
 */
export function analyzeOversized(uri: string, head: string, size: number, ctx: EngineContext): Analysis {
  const lang = LANGUAGES.find(l => (l.claimsHead ?? l.claims)(uri, head));
  const base: Analysis = {
    uri,
    kind: 'none',
    text: '',
    lines: new LineIndex(''),
    findings: [],
    symbols: [],
    fixes: [],
  };
  return lang ? tooLarge(uri, lang.kind, base, size, ctx) : base;
}

/** Editor features answer empty when they fail; the host still hears of the failure (and logs its stack). */
function safely<T>(a: Analysis, ctx: EngineContext, stage: Stage, f: () => T, fallback: T): T {
  try {
    return f();
  } catch (error) {
    reportFailure(ctx, { uri: a.uri, stage, error });
    return fallback;
  }
}

export function hoverAt(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'hover', () => lang?.hover?.(a, offset, ctx) ?? catalogHover(a, offset, ctx), undefined);
}

export function completionsAt(a: Analysis, offset: number, ctx: EngineContext): CompletionItem[] {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'completion', () => lang?.complete?.(a, offset, ctx) ?? [], []);
}

export function codeLensesFor(a: Analysis, ctx: EngineContext): CodeLens[] {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'code-lens', () => lang?.codeLenses?.(a, ctx) ?? [], []);
}

export function definitionAt(a: Analysis, offset: number, ctx: EngineContext): Location[] {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'definition', () => lang?.definition?.(a, offset, ctx) ?? [], []);
}

export function referencesAt(a: Analysis, offset: number, ctx: EngineContext): Location[] {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'references', () => lang?.references?.(a, offset, ctx) ?? [], []);
}

/**
 * Reads a template for the project index without checking it (CloudFormation and CDK): the host collects the facts
 * of every template first, then checks each with the project in its context. Undefined for other files, files over
 * the size limit, and files the engine failed to read (their analysis says why).
 */
export function parseForProject(uri: string, text: string, ctx: EngineContext): TemplateParse | undefined {
  const lang = languageFor(uri, text);
  if (!lang?.parse || Buffer.byteLength(text, 'utf8') / 1024 > ctx.settings.maxFileSizeKB || looksBinary(text))
    return undefined;
  try {
    return lang.parse!(uri, text, ctx);
  } catch {
    // Not reported here: the host then analyses the file alone, and that analysis reports the failure.
    return undefined;
  }
}

/** Code actions at the cursor that are not fixes of a finding (the risk file's 5.2 → 6.0 migration). */
export function actionsAt(a: Analysis, offset: number, ctx: EngineContext): Fix[] {
  const lang = LANGUAGES.find(l => l.kind === a.kind);
  return safely(a, ctx, 'actions', () => lang?.actions?.(a, offset, ctx) ?? [], []);
}
