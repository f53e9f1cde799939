import { Entry, MapNode, Node, SeqNode } from '../model/node';
import { ParseProblem, ParseResult } from './limits';
import { parseYaml, parseYamlWithTail } from './yaml';

/**
 * Incremental YAML parsing for templates. A template is a map of sections whose entries (one per resource,
 * parameter, output…) are independent YAML fragments. Each fragment is parsed on its own and cached by its
 * text, so an edit re-parses only the fragment it touches. Anything the split cannot handle safely — anchors and
 * aliases, flow-style top level, tabs, documents markers, a fragment with an error — falls back to a full parse.
 */
const cache = new Map<string, Parsed | null>();
const CACHE_LIMIT = 20_000;

/** A fragment's tree, and where its root's trailing comments end (see `parseYamlWithTail`). */
interface Parsed {
  root: Node;
  tail: number;
}
interface Fragment {
  start: number;
  end: number;
}
interface Section {
  key: string;
  keyStart: number;
  keyEnd: number;
  lineEnd: number;
  fragments: Fragment[] | null;
  start: number;
  end: number;
  seq?: boolean;
}

export function parseYamlIncremental(text: string): ParseResult<Node> {
  const sections = split(text);
  if (!sections) return parseYaml(text);
  const entries: Entry[] = [];
  const seen = new Set<string>();
  const problems: ParseProblem[] = [];
  // A collection's extent runs to its last value's trailing comments: the root's is the last section's.
  let end = 0;
  for (const s of sections) {
    if (seen.has(s.key)) return parseYaml(text); // duplicate top-level key: let the full parser report it precisely
    seen.add(s.key);
    if (!s.fragments) {
      const parsed = fragment(text, s.start, s.end, 0);
      if (!parsed || parsed.root.kind !== 'map' || parsed.root.entries.length !== 1) return parseYaml(text);
      entries.push(parsed.root.entries[0]);
      end = parsed.root.end;
      continue;
    }
    if (s.seq) {
      // A list section (e.g. a risk file's `risks:`): one fragment per item, each parsed as a one-item list.
      const items: Node[] = [];
      let last: Parsed | undefined;
      for (const f of s.fragments) {
        last = fragment(text, f.start, f.end, 1) ?? undefined;
        if (!last || last.root.kind !== 'seq') return parseYaml(text);
        items.push(...last.root.items);
      }
      const first = s.fragments[0];
      const value: SeqNode = {
        kind: 'seq',
        items,
        flow: false,
        start: first.start + indentOf(text, first.start),
        end: last!.root.end,
      };
      end = last!.tail;
      entries.push({ key: s.key, keyStart: s.keyStart, keyEnd: s.keyEnd, value });
      continue;
    }
    const inner: Entry[] = [];
    const keys = new Set<string>();
    let last: Parsed | undefined;
    for (const f of s.fragments) {
      last = fragment(text, f.start, f.end, 1) ?? undefined;
      if (!last || last.root.kind !== 'map') return parseYaml(text);
      for (const e of last.root.entries) {
        if (keys.has(e.key)) return parseYaml(text);
        keys.add(e.key);
        inner.push(e);
      }
    }
    const first = s.fragments[0];
    const value: MapNode = {
      kind: 'map',
      entries: inner,
      flow: false,
      start: first.start + indentOf(text, first.start),
      end: last!.root.end,
    };
    end = last!.tail;
    entries.push({ key: s.key, keyStart: s.keyStart, keyEnd: s.keyEnd, value });
  }
  if (!entries.length) return parseYaml(text);
  const root: MapNode = { kind: 'map', entries, flow: false, start: entries[0].keyStart, end };
  return { root, problems };
}

function indentOf(text: string, lineStart: number): number {
  let i = lineStart;
  while (text[i] === ' ') i++;
  return i - lineStart;
}

/**
 * Parses text[start, end) as a standalone YAML fragment, with absolute offsets. null on any problem. `level` is how
 * many collections hold the fragment's root in the whole document (for the depth limit).
 */
function fragment(text: string, start: number, end: number, level: 0 | 1): Parsed | null {
  const src = text.slice(start, end);
  const key = level + src;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    const r = parseYamlWithTail(src, level);
    parsed = r.problems.length || !r.root ? null : { root: r.root, tail: r.tail ?? r.root.end };
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(key, parsed);
  }
  return parsed ? { root: shift(parsed.root, start), tail: parsed.tail + start } : null;
}

function shift(n: Node, by: number): Node {
  if (by === 0) return n;
  switch (n.kind) {
    case 'scalar':
      return { ...n, start: n.start + by, end: n.end + by };
    case 'seq':
      return { ...n, start: n.start + by, end: n.end + by, items: n.items.map(i => shift(i, by)) };
    case 'map':
      return {
        ...n,
        start: n.start + by,
        end: n.end + by,
        entries: n.entries.map(e => ({
          key: e.key,
          keyStart: e.keyStart + by,
          keyEnd: e.keyEnd + by,
          value: shift(e.value, by),
        })),
      };
  }
}

const UNSAFE = /(^|[\s[{,])[&*][A-Za-z0-9_-]|^(---|\.\.\.)|^\t|^%/m;

/** Splits a block-style template into sections and their entries by indentation, or null when that is not safe. */
function split(text: string): Section[] | null {
  if (text.length < 4096 || UNSAFE.test(text) || text.charCodeAt(0) === 0xfeff) return null;
  const sections: Section[] = [];
  let pos = 0;
  let current: Section | undefined;
  let nested = -1;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? text.length : nl + 1;
    const line = text.slice(pos, lineEnd);
    const trimmed = line.trimStart();
    const blank = trimmed === '' || trimmed.startsWith('#');
    const indent = line.length - trimmed.length;
    if (!blank) {
      if (indent === 0) {
        const m = /^("[^"]*"|'[^']*'|[A-Za-z0-9_][\w .-]*?)\s*:(\s|$)/.exec(line);
        if (!m || /^[[{]/.test(trimmed)) return null;
        if (current) current.end = pos;
        const key = m[1].replace(/^["']|["']$/g, '');
        const rest = line.slice(m[0].length).trim();
        current = {
          key,
          keyStart: pos,
          keyEnd: pos + m[1].length,
          lineEnd,
          start: pos,
          end: text.length,
          fragments: rest === '' || rest.startsWith('#') ? [] : null,
        };
        nested = -1;
        sections.push(current);
      } else if (!current) {
        return null;
      } else if (current.fragments) {
        if (nested < 0) nested = indent;
        if (indent < nested) return null;
        if (indent === nested) {
          const item = trimmed.startsWith('- ') || trimmed === '-';
          if (current.fragments.length === 0) current.seq = item;
          else if (item !== !!current.seq) return null; // a section mixing list items and keys: parse whole
          const frags = current.fragments;
          if (frags.length) frags[frags.length - 1].end = pos;
          frags.push({ start: pos, end: text.length });
        }
      }
    }
    pos = lineEnd;
  }
  for (const s of sections) {
    if (!s.fragments) continue;
    if (!s.fragments.length) {
      s.fragments = null;
      continue;
    }
    const last = s.fragments[s.fragments.length - 1];
    last.end = Math.min(last.end, s.end);
  }
  return sections;
}
