/**
 * Bounds on untrusted input, shared by every parser. Every tree the engine walks comes out of a parser that enforces
 * `MAX_DEPTH`, so the recursive walks over it (rules, evaluation, fixes, hover) stay far from the stack's end.
 */
import { phrase, t } from '../i18n/text';

/**
 * How many levels of nested maps and lists a YAML or JSON document may have; anything deeper is not read (a
 * `nesting-too-deep` finding says where). Real templates use fewer than 20.
 */
export const MAX_DEPTH = 256;
/**
 * How many levels of brackets — `(`, `[`, `{`, `${` — a TypeScript file may nest before its deeper content is not
 * read. The TypeScript parser recurses about a dozen frames per level and overflows the stack near 600 levels.
 */
export const MAX_TS_DEPTH = 256;
/** How many nodes alias expansion may add before we stop (defuses "billion laughs"). */
export const MAX_ALIAS_NODES = 10_000;

export interface ParseProblem {
  message: { ja: string; en: string };
  start: number;
  end: number;
  code: string;
  /**
   * Set for `code: 'DEPTH'`: the document nests `depth` levels (undefined: too many to count), more than `limit`; it
   * becomes a `nesting-too-deep` finding.
   */
  tooDeep?: { depth?: number; limit: number };
}
export interface ParseResult<T> {
  root?: T;
  problems: ParseProblem[];
}

/** A span of text replaced before parsing because it nests deeper than the limit: `[start, end)` in the text. */
export interface Cut {
  start: number;
  end: number;
}

/** The problem reported for the first span cut at the nesting limit. */
export function tooDeepProblem(cut: Cut, depth: number | undefined, limit: number): ParseProblem {
  const levels = depth === undefined ? phrase('nestingLevelsUncounted') : phrase('nestingLevels', { depth });
  return {
    code: 'DEPTH',
    start: cut.start,
    end: Math.max(cut.end, cut.start + 1),
    message: {
      ja: t('nestingTooDeepProblem', 'ja', { levels, limit }),
      en: t('nestingTooDeepProblem', 'en', { levels, limit }),
    },
    tooDeep: depth === undefined ? { limit } : { depth, limit },
  };
}

/**
 * The text with every cut span blanked: its first character becomes `placeholder` (a value of the format), the rest
 * spaces, line breaks kept — offsets and lines stay as they were, and the parser never sees the deep part.
 */
export function blankCuts(text: string, cuts: readonly Cut[], placeholder: string): string {
  if (!cuts.length) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const c of cuts) {
    parts.push(text.slice(pos, c.start));
    const span = text.slice(c.start, c.end);
    parts.push(placeholder + span.slice(placeholder.length).replace(/[^\r\n\u2028\u2029]/g, ' '));
    pos = c.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
