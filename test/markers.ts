/**
 * Inline position markers for editor-feature tests (hover, completion, definition…), as yaml-language-server writes
 * its tests: the document is written with the cursor and the expected ranges marked in place, and `marked` returns
 * the clean text with their offsets, so no test counts characters or searches for a needle.
 *
 *   <|>        a cursor: its offset in the clean text
 *   [[ … ]]    a range: start and end offsets (ranges do not nest; a cursor may sit inside one)
 *
 *   const m = marked('Resources:\n  Api:\n    Properties:\n      SslPolicy: [[ELB<|>]]\n');
 *   completionsAt(run('t.yaml', m.text), m.cursor, ctx)        // cursor after "ELB"
 *   assert.deepStrictEqual(item.range, lines.range(m.range.start, m.range.end))   // replaces "ELB"
 *
 * A text that itself contains `<|>`, `[[` or `]]` cannot be marked: unbalanced brackets throw, so a YAML flow list
 * like `[[1, 2]]` is caught rather than silently misread. `positionOf`/`rangeOf` give LSP positions for protocol tests.
 */
import { LineIndex, Position, Range } from '../server/src/engine';

export const CURSOR = '<|>';
export const RANGE_OPEN = '[[';
export const RANGE_CLOSE = ']]';

export interface OffsetRange {
  start: number;
  end: number;
}

export interface Marked {
  /** The text without its markers. */
  text: string;
  /** Every cursor, in order. */
  cursors: number[];
  /** Every range, in order of their starts. */
  ranges: OffsetRange[];
  /** The only cursor; throws unless there is exactly one. */
  readonly cursor: number;
  /** The only range; throws unless there is exactly one. */
  readonly range: OffsetRange;
}

function only<T>(xs: T[], what: string): T {
  if (xs.length !== 1) throw new Error(`expected exactly one ${what} marker, found ${xs.length}`);
  return xs[0];
}

export function marked(source: string): Marked {
  let text = '';
  const cursors: number[] = [];
  const ranges: OffsetRange[] = [];
  let open: number | undefined;
  for (let i = 0; i < source.length;) {
    if (source.startsWith(CURSOR, i)) {
      cursors.push(text.length);
      i += CURSOR.length;
    } else if (source.startsWith(RANGE_OPEN, i)) {
      if (open !== undefined) throw new Error(`nested ${RANGE_OPEN} at ${i} (ranges do not nest)`);
      open = text.length;
      i += RANGE_OPEN.length;
    } else if (source.startsWith(RANGE_CLOSE, i)) {
      if (open === undefined) throw new Error(`${RANGE_CLOSE} at ${i} closes no ${RANGE_OPEN}`);
      ranges.push({ start: open, end: text.length });
      open = undefined;
      i += RANGE_CLOSE.length;
    } else {
      text += source[i++];
    }
  }
  if (open !== undefined) throw new Error(`${RANGE_OPEN} at offset ${open} of the clean text is never closed`);
  return {
    text,
    cursors,
    ranges,
    get cursor() {
      return only(cursors, CURSOR);
    },
    get range() {
      return only(ranges, `${RANGE_OPEN}…${RANGE_CLOSE}`);
    },
  };
}

/** The LSP position (0-based line, UTF-16 character) of an offset in `text`. */
export function positionOf(text: string, offset: number): Position {
  return new LineIndex(text).position(offset);
}

/** The LSP range of an offset range in `text`. */
export function rangeOf(text: string, r: OffsetRange): Range {
  return new LineIndex(text).range(r.start, r.end);
}
