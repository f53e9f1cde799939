import { Analysis, EngineContext } from './context';
import { describeEntry } from './describe';
import { Hover } from './model/types';

/**
 * Tokens that may be catalog IDs: scenario IDs (3.8②, 3.8-2), guideline items (6.5 C10, シス14①), slugs (s3,
 * unauthorized-access).
 */
const TOKEN =
  /(?:[123]\.\d{1,2}(?:[①-⑳]|\(\d{1,2}\)|-\d{1,2})?)|(?:\d{1,2}\.\d{1,2}\s?[CD]\d{1,2})|(?:(?:シス|企|経)\d{1,2}[①-⑳])|[A-Za-z][\w-]*[\w]|[^\s"'`:,[\]{}()#]+/g;

/** Hover on any catalog ID in any text (risk files, templates, comments). */
export function catalogHover(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined {
  const pos = a.lines.position(offset);
  // A window around the cursor: IDs are short, and huge lines must not cost a scan of the whole line.
  const from = Math.max(0, pos.character - 128);
  const line = a.lines.lineText(pos.line).slice(from, pos.character + 128);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(line); m; m = TOKEN.exec(line)) {
    const s = from + m.index,
      e = s + m[0].length;
    if (pos.character < s || pos.character > e) continue;
    const entry = ctx.catalog.lookup(m[0]);
    if (!entry) return undefined;
    return {
      markdown: describeEntry(entry, ctx.catalog, ctx.settings.lang, { guideline: ctx.settings.guideline }),
      range: { start: { line: pos.line, character: s }, end: { line: pos.line, character: e } },
    };
  }
  return undefined;
}
