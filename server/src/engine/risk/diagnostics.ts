/** Collects risk-file findings through the catalog (messages, severity overrides, disabled rules). */
import { EngineContext } from '../context';
import { fill, makeFinding, pick, ruleMeta } from '../findings';
import { LineIndex } from '../model/text';
import { Finding, Fix, Lang } from '../model/types';

export class Diagnostics {
  readonly out: Finding[] = [];
  readonly lang: Lang;
  private readonly disabled: Set<string>;
  constructor(
    readonly uri: string,
    readonly lines: LineIndex,
    readonly ctx: EngineContext,
  ) {
    this.lang = ctx.settings.lang;
    this.disabled = new Set(ctx.settings.disabledRules);
  }

  add(
    rule: string,
    start: number,
    end: number,
    args: Record<string, string | number | undefined> = {},
    extra: Partial<Finding> = {},
  ): Finding | undefined {
    if (this.disabled.has(rule)) return undefined;
    const f = makeFinding(
      this.ctx.catalog,
      this.ctx.settings,
      rule,
      this.uri,
      this.lines.range(start, end),
      args,
      extra,
    );
    if (extra.fixes && !extra.fixes.length) delete f.fixes;
    this.out.push(f);
    return f;
  }

  /** The title of a rule's catalog fix, filled with args. */
  fixTitle(rule: string, args: Record<string, string | number | undefined>): string {
    return fill(pick(ruleMeta(this.ctx.catalog, rule).fix?.title, this.lang), args);
  }

  /** "; did you mean X?" in the user's language, or nothing. */
  hint(candidates: string[]): string {
    if (!candidates.length) return '';
    const list = candidates.map(c => `「${c}」`).join('、');
    return this.lang === 'ja' ? `。もしかして ${list}` : `; did you mean ${candidates.map(c => `"${c}"`).join(', ')}?`;
  }

  fix(title: string, edits: Fix['edit'][string], isPreferred = true): Fix {
    return { title, edit: { [this.uri]: edits }, isPreferred };
  }
}
