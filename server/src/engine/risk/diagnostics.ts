/** Collects risk-file findings through the catalog (severity overrides, disabled rules) with their fixes. */
import { EngineContext, FixSource } from '../context';
import { makeFinding, ruleMeta } from '../findings';
import { reportFailure } from '../guard';
import { Args, Lang, phrase, Phrase, render, Text } from '../i18n/text';
import { editsWithEol, eolOf, LineIndex } from '../model/text';
import { Finding, Fix, TextEdit } from '../model/types';

/** A fix as the checks plan it; its title is rendered, and language-dependent edits made, when a face asks. */
export interface PlannedFix {
  title: Text;
  edits: TextEdit[] | ((lang: Lang) => TextEdit[] | undefined);
  isPreferred?: boolean;
}

export class Diagnostics {
  readonly out: Finding[] = [];
  readonly fixes: FixSource[] = [];
  private readonly disabled: Set<string>;
  constructor(
    readonly uri: string,
    readonly lines: LineIndex,
    readonly ctx: EngineContext,
  ) {
    this.disabled = new Set(ctx.settings.disabledRules);
  }

  add(
    rule: string,
    start: number,
    end: number,
    args: Args = {},
    extra: Partial<Omit<Finding, 'fix'>> & { fixes?: PlannedFix[] } = {},
  ): Finding | undefined {
    if (this.disabled.has(rule)) return undefined;
    const { fixes, ...rest } = extra;
    const f = makeFinding(
      this.ctx.catalog,
      this.ctx.settings,
      rule,
      this.uri,
      this.lines.range(start, end),
      args,
      rest,
    );
    if (fixes?.length) {
      f.fix = this.fixes.length;
      this.fixes.push(this.source(fixes, rule));
    }
    this.out.push(f);
    return f;
  }

  /** The title of a rule's catalog fix, with its arguments. */
  fixTitle(rule: string, args: Args): Text {
    const title = ruleMeta(this.ctx.catalog, rule).fix?.title;
    return title ? phrase('catalogText', { text: title, ...args }) : phrase('fixRule', { rule });
  }

  /** "; did you mean X?" in the reader's language, or nothing. */
  hint(candidates: string[]): Phrase {
    return phrase('didYouMean', { candidates });
  }

  fix(title: Text, edits: PlannedFix['edits'], isPreferred = true): PlannedFix {
    return { title, edits, isPreferred };
  }

  /**
   * The checks write line breaks as `\n`; the edits offered use the file's own line ending. A fix whose edits fail is
   * not offered, and the host is told.
   */
  private source(planned: PlannedFix[], rule: string): FixSource {
    return (lang: Lang) =>
      planned.flatMap((p): Fix[] => {
        let edits: TextEdit[] | undefined;
        try {
          edits = typeof p.edits === 'function' ? p.edits(lang) : p.edits;
        } catch (error) {
          reportFailure(this.ctx, { uri: this.uri, stage: 'fixes', name: rule, error });
          return [];
        }
        if (!edits?.length) return [];
        const edit = { [this.uri]: editsWithEol(edits, eolOf(this.lines.text)) };
        return [{ title: render(p.title, lang), edit, isPreferred: p.isPreferred }];
      });
  }
}
