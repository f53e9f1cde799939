/** Minimal text edits on a risk file that keep the author's quoting and indentation. */
import { LineIndex } from '../model/text';
import { phrase } from '../i18n/text';
import { TextEdit } from '../model/types';
import type { PlannedFix } from './diagnostics';
import { Str } from './model';

/** Does a value need quotes to stay one plain YAML scalar in block and flow context? */
export function needsQuotes(v: string): boolean {
  return (
    v === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]|[:#,[\]{}]|\s$/.test(v) || /^(true|false|null|yes|no|~|[\d.+-]+)$/i.test(v)
  );
}

export function yamlValue(v: string): string {
  return needsQuotes(v) ? JSON.stringify(v) : v;
}

/** Replaces a scalar's value, inside its quotes when it has them. */
export function replaceScalar(lines: LineIndex, s: Str, value: string): TextEdit {
  if (s.quoted) return { range: lines.range(s.start + 1, s.end - 1), newText: value.replace(/["\\]/g, m => '\\' + m) };
  return { range: lines.range(s.start, s.end), newText: yamlValue(value) };
}

export function replaceRange(lines: LineIndex, start: number, end: number, text: string): TextEdit {
  return { range: lines.range(start, end), newText: text };
}

/** One "replace with X" fix per candidate. */
export function replacementFixes(edit: (candidate: string) => TextEdit, candidates: string[]): PlannedFix[] {
  return candidates.map((c, i) => ({
    title: phrase('replaceWith', { value: c }),
    edits: [edit(c)],
    isPreferred: i === 0 && candidates.length === 1,
  }));
}

/** The column of the `- ` that starts the sequence item containing `offset` on its first line. */
export function dashColumn(lines: LineIndex, itemStart: number): number {
  const pos = lines.position(itemStart);
  const before = lines.lineText(pos.line).slice(0, pos.character);
  const i = before.lastIndexOf('-');
  return i >= 0 ? i : pos.character;
}

/** The column a block key sits at. */
export function columnOf(lines: LineIndex, offset: number): number {
  return lines.position(offset).character;
}

/** Offset of the end of the line holding `offset` (before the line break). */
export function lineEnd(lines: LineIndex, offset: number): number {
  const line = lines.position(offset).line;
  return lines.lineStart(line) + lines.lineText(line).length;
}
