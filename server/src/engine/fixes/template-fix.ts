import { Entry, get, intrinsicName, isMap, isSeq, MapNode, Node, SeqNode } from '../model/node';
import { Template } from '../model/template';
import { editsWithEol, eolOf } from '../model/text';
import { TextEdit } from '../model/types';
import { FixSpec, FixValue } from './spec';
import { jsonValue, yamlBlockLines, yamlEntryLines, yamlFlow } from './render';

/**
 * Turns a format-neutral fix into minimal text edits for a YAML or JSON template, in the author's style and with the
 * file's own line ending (the writer below writes `\n`).
 */
export function templateFixEdits(t: Template, fix: FixSpec): TextEdit[] | undefined {
  try {
    const edits = fixEdits(t, fix);
    return edits && editsWithEol(edits, eolOf(t.text));
  } catch (e) {
    if (e instanceof SharedText) return undefined;
    throw e;
  }
}

/**
 * Thrown when an edit would land in text an alias shares: changing it would change every place that uses the anchor.
 */
class SharedText extends Error {}
function own<T extends Node>(n: T): T {
  if (n.aliased) throw new SharedText();
  return n;
}

function fixEdits(t: Template, fix: FixSpec): TextEdit[] | undefined {
  const w = new Writer(t);
  const main = singleFixEdits(t, w, fix);
  if (!main || !fix.also?.length) return main;
  const edits = [...main];
  for (const extra of fix.also) {
    const more = fixEdits(t, extra);
    if (!more) return undefined;
    edits.push(...more);
  }
  return mergeInsertions(edits);
}

/**
 * Several insertions at one point (two resources added after the last one) become one edit, in order:
 * editors apply same-position inserts in array order, `applyEdits` would reverse them.
 */
function mergeInsertions(edits: TextEdit[]): TextEdit[] | undefined {
  type Pos = TextEdit['range']['start'];
  const cmp = (a: Pos, b: Pos) => a.line - b.line || a.character - b.character;
  const out: TextEdit[] = [];
  for (const e of edits) {
    const isInsert = cmp(e.range.start, e.range.end) === 0;
    const prev = out.find(o => cmp(o.range.start, e.range.start) === 0 && cmp(o.range.end, e.range.end) === 0);
    if (prev && isInsert) {
      prev.newText += e.newText;
      continue;
    }
    // Overlapping replacements (e.g. two resources into an empty `{}`) cannot be combined safely: offer no fix.
    if (
      out.some(o => (cmp(o.range.start, e.range.end) < 0 && cmp(e.range.start, o.range.end) < 0) || (prev && !isInsert))
    )
      return undefined;
    out.push({ ...e });
  }
  return out;
}

function singleFixEdits(t: Template, w: Writer, fix: FixSpec): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'set':
      return w.setPath(fix.resource.node, fix.path, fix.value);
    case 'replace':
      return [w.replaceNode(fix.node, fix.value)];
    case 'append': {
      const seq = pathTarget(fix.resource.node, fix.path);
      if (isSeq(seq) && !seq.tag) return [w.appendItem(seq, fix.item)];
      return w.setPath(fix.resource.node, fix.path, [fix.item]);
    }
    case 'addResource': {
      const resources = get(t.root, 'Resources');
      if (!isMap(resources)) return undefined;
      return [w.insertEntry(resources, fix.logicalId, fix.body)];
    }
  }
}

function pathTarget(root: Node, path: string[]): Node | undefined {
  let cur: Node | undefined = root;
  for (const k of path) cur = isMap(cur) && !intrinsicName(cur) ? get(cur, k) : undefined;
  return cur;
}

function nest(path: string[], value: FixValue): FixValue {
  return path.reduceRight<FixValue>((v, k) => ({ [k]: v }), value);
}

class Writer {
  private readonly unit: number;
  private readonly short: boolean;
  constructor(private readonly t: Template) {
    this.unit = detectIndentUnit(t);
    this.short = t.usesShortTags;
  }

  private col(offset: number): number {
    return this.t.lines.position(offset).character;
  }
  private pos(offset: number) {
    return this.t.lines.position(offset);
  }
  private lineIndent(offset: number): number {
    const line = this.t.lines.lineText(this.pos(offset).line);
    return line.length - line.trimStart().length;
  }
  private edit(start: number, end: number, newText: string): TextEdit {
    return { range: { start: this.pos(start), end: this.pos(end) }, newText };
  }

  setPath(root: MapNode, path: string[], value: FixValue): TextEdit[] {
    let cur: MapNode = root;
    for (let i = 0; i < path.length; i++) {
      const entry = findEntry(cur, path[i]);
      const rest = path.slice(i + 1);
      if (!entry) return [this.insertEntry(cur, path[i], nest(rest, value))];
      if (i === path.length - 1) return [this.replaceEntryValue(entry, value)];
      if (!isMap(entry.value) || intrinsicName(entry.value)) {
        // Only an empty value may be replaced on the way down: anything else is the author's text (or an Fn::If).
        const empty = entry.value.kind === 'scalar' && entry.value.value === null;
        return empty ? [this.replaceEntryValue(entry, nest(rest, value))] : [];
      }
      cur = entry.value;
    }
    return [];
  }

  /** Adds `key: value` as the last entry of a map. */
  insertEntry(map: MapNode, key: string, value: FixValue): TextEdit {
    const t = this.t;
    // Merged entries (`<<: *name`) come first, so the last entry is written here unless the map has none of its own.
    const lastEntry = own(map).entries[map.entries.length - 1];
    if (lastEntry?.value.aliased) throw new SharedText();
    if (t.format === 'json') {
      if (lastEntry) {
        const indent = this.col(lastEntry.keyStart);
        return this.edit(
          lastEntry.value.end,
          lastEntry.value.end,
          `,\n${' '.repeat(indent)}${JSON.stringify(key)}: ${jsonValue(value, indent, this.unit)}`,
        );
      }
      const indent = this.lineIndent(map.start) + this.unit;
      return this.edit(
        map.start + 1,
        map.end - 1,
        `\n${' '.repeat(indent)}${JSON.stringify(key)}: ${jsonValue(value, indent, this.unit)}\n` +
          `${' '.repeat(indent - this.unit)}`,
      );
    }
    if (map.flow || map.entries.length === 0) {
      const close = t.text.lastIndexOf('}', map.end - 1);
      const sep = map.entries.length ? ', ' : '';
      const at = lastEntry ? lastEntry.value.end : close;
      return this.edit(at, at, `${sep}${yamlFlow(key, false)}: ${yamlFlow(value, this.short)}`);
    }
    const indent = this.col(lastEntry.keyStart);
    const lastLine = this.pos(Math.max(map.start, lastContentOffset(t.text, map.end))).line;
    const eol = t.lines.lineStart(lastLine) + t.lines.lineText(lastLine).length;
    return this.edit(eol, eol, '\n' + yamlEntryLines(key, value, indent, this.unit, this.short).join('\n'));
  }

  /** Replaces an entry's value, keeping its key (block values start on the next line). */
  replaceEntryValue(e: Entry, value: FixValue): TextEdit {
    const t = this.t;
    own(e.value);
    if (t.format === 'json') {
      const indent = this.col(e.keyStart);
      return this.edit(e.value.start, e.value.end, jsonValue(value, indent, this.unit));
    }
    const inline =
      value === null ||
      typeof value !== 'object' ||
      (Array.isArray(value) && value.every(v => v === null || typeof v !== 'object'));
    const colon = t.text.indexOf(':', e.keyEnd);
    const from = colon >= 0 && colon < e.value.start ? colon + 1 : e.keyEnd;
    // Block values end after their trailing newline; replace only up to the last written character.
    const to = Math.max(e.value.kind === 'scalar' ? e.value.end : lastContentOffset(t.text, e.value.end) + 1, from);
    if (inline || (e.value.kind !== 'scalar' && 'flow' in e.value && e.value.flow)) {
      const parentFlow = this.isInFlow(e.keyStart);
      if (inline || parentFlow) return this.edit(from, to, ' ' + yamlFlow(value, this.short));
    }
    const indent = this.col(e.keyStart) + this.unit;
    return this.edit(from, to, '\n' + yamlBlockLines(value, indent, this.unit, this.short).join('\n'));
  }

  private isInFlow(offset: number): boolean {
    const lineStart = this.t.lines.lineStart(this.pos(offset).line);
    const before = this.t.text.slice(lineStart, offset);
    return /[{[,]\s*$/.test(before) && !/^\s*-\s*$/.test(before);
  }

  replaceNode(node: Node, value: FixValue): TextEdit {
    own(node);
    if (this.t.format === 'json')
      return this.edit(node.start, node.end, jsonValue(value, this.lineIndent(node.start), this.unit));
    // An empty value right after `key:` needs a space before the new one.
    const pad = node.start === node.end && this.t.text[node.start - 1] === ':' ? ' ' : '';
    return this.edit(node.start, node.end, pad + yamlFlow(value, this.short));
  }

  appendItem(seq: SeqNode, item: FixValue): TextEdit {
    const t = this.t;
    own(seq);
    if (t.format === 'json' || seq.flow) {
      const close = t.text.lastIndexOf(']', seq.end - 1);
      const last = seq.items[seq.items.length - 1];
      if (t.format === 'json') {
        const indent = last ? this.col(last.start) : this.lineIndent(seq.start) + this.unit;
        return last
          ? this.edit(last.end, last.end, `,\n${' '.repeat(indent)}${jsonValue(item, indent, this.unit)}`)
          : this.edit(
              close,
              close,
              `\n${' '.repeat(indent)}${jsonValue(item, indent, this.unit)}\n${' '.repeat(indent - this.unit)}`,
            );
      }
      return last
        ? this.edit(last.end, last.end, `, ${yamlFlow(item, this.short)}`)
        : this.edit(close, close, yamlFlow(item, this.short));
    }
    const first = seq.items[0];
    const dash = t.text.lastIndexOf('-', first.start);
    const indent = this.col(dash);
    const lastLine = this.pos(lastContentOffset(t.text, seq.end)).line;
    const eol = t.lines.lineStart(lastLine) + t.lines.lineText(lastLine).length;
    const lines = yamlBlockLines([item], indent, this.unit, this.short);
    return this.edit(eol, eol, '\n' + lines.join('\n'));
  }
}

function findEntry(map: MapNode, key: string): Entry | undefined {
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i].key === key) return map.entries[i];
  return undefined;
}

/** The offset of the last non-space character before `end` (block nodes may end after trailing newlines). */
function lastContentOffset(text: string, end: number): number {
  let i = Math.min(end, text.length) - 1;
  while (i > 0 && /\s/.test(text[i])) i--;
  return i;
}

/** Indentation step the author uses (2 or 4 usually): the smallest positive indent difference seen. */
function detectIndentUnit(t: Template): number {
  const resources = get(t.root, 'Resources');
  if (isMap(resources) && resources.entries.length) {
    const first = resources.entries[0];
    const outer = t.lines.position(
      t.format === 'json'
        ? (t.root.entries.find(e => e.key === 'Resources')?.keyStart ?? 0)
        : (t.root.entries.find(e => e.key === 'Resources')?.keyStart ?? 0),
    ).character;
    const inner = t.lines.position(first.keyStart).character;
    if (inner > outer) return inner - outer;
  }
  return 2;
}
