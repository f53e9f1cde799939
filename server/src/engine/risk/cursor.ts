/**
 * Where the cursor is in a risk file, read from the lines around it (indentation and `key:`), so completion works
 * while the YAML is half-typed and does not parse.
 */
import { LineIndex } from '../model/text';
import { canonicalKey, KeySpec, ObjectKind } from './keys';

export interface Cursor {
  /** At a key (typing a new key) or at a value of `spec`. */
  at: 'key' | 'value';
  /** The object kind the key belongs to (or whose key holds the value). */
  kind: ObjectKind | 'matrix';
  spec?: KeySpec;
  /** Text from the start of the value/key to the cursor, and where it starts. */
  prefix: string;
  start: number;
  /** Lines of the enclosing list item of `risks` (for ranking by the risk's threat and scenarios). */
  riskLines?: { first: number; last: number };
}

interface LineHead {
  keyCol: number;
  key?: string;
  colon?: number;
  dash: boolean;
}

const KEY_RE = /^([^\s:#[\]{}'"-][^:#[\]{}'"]*?|"[^"]*"|'[^']*')\s*:(?=\s|$)/;

function head(line: string): LineHead | undefined {
  const m = /^(\s*)((?:-\s+)*)(.*)$/.exec(line)!;
  if (!m[3].trim() && !m[2]) return undefined;
  if (m[3].startsWith('#')) return undefined;
  const keyCol = m[1].length + m[2].length;
  const k = KEY_RE.exec(m[3]);
  return {
    keyCol,
    dash: m[2].length > 0,
    key: k ? k[1].replace(/^["']|["']$/g, '') : undefined,
    colon: k ? keyCol + k[0].length - 1 : undefined,
  };
}

/** Ancestor keys (outermost first) of a position at column `col` on line `line`. */
function ancestors(lines: LineIndex, line: number, col: number): { key: string; line: number; keyCol: number }[] {
  const out: { key: string; line: number; keyCol: number }[] = [];
  for (let l = line - 1; l >= 0 && col > 0; l--) {
    const h = head(lines.lineText(l));
    if (!h || !h.key || h.keyCol >= col) continue;
    out.unshift({ key: h.key, line: l, keyCol: h.keyCol });
    col = h.keyCol;
  }
  return out;
}

function kindOf(chain: string[]): { kind: ObjectKind | 'matrix' | undefined; spec?: KeySpec } {
  let kind: ObjectKind | 'matrix' | undefined = 'root';
  let spec: KeySpec | undefined;
  for (const k of chain) {
    if (kind === undefined || kind === 'matrix') return { kind: undefined };
    spec = canonicalKey(kind, k);
    if (!spec) return { kind: undefined };
    kind = spec.child;
  }
  return { kind, spec };
}

export function cursorAt(lines: LineIndex, offset: number): Cursor | undefined {
  const pos = lines.position(offset);
  const text = lines.lineText(pos.line);
  const before = text.slice(0, pos.character);
  const h = head(text) ?? { keyCol: before.length, dash: false };
  const lineStart = lines.lineStart(pos.line);
  const chain = ancestors(lines, pos.line, h.keyCol);
  const riskLines = riskItem(lines, chain, pos.line);
  const valueStart = (from: number) => {
    const seg = before.slice(from);
    const m = /^(.*[[,{]|\s*-\s)?\s*["']?/.exec(seg)!;
    return from + m[0].length;
  };
  if (h.key !== undefined && h.colon !== undefined && pos.character > h.colon) {
    const { kind } = kindOf(chain.map(c => c.key));
    if (!kind) return undefined;
    const inner = inlineMap(before.slice(h.colon + 1));
    if (inner && kind !== 'matrix') {
      const spec = canonicalKey(kind, h.key);
      const child = spec?.child;
      if (!child || child === 'matrix') return undefined;
      const s = h.colon + 1 + inner.offset;
      if (inner.key === undefined)
        return { at: 'key', kind: child, prefix: before.slice(s), start: lineStart + s, riskLines };
      const innerSpec = canonicalKey(child, inner.key);
      const vs = valueStart(s);
      return innerSpec
        ? { at: 'value', kind: child, spec: innerSpec, prefix: before.slice(vs), start: lineStart + vs, riskLines }
        : undefined;
    }
    const spec = kind === 'matrix' ? undefined : canonicalKey(kind, h.key);
    if (!spec) return undefined;
    const vs = valueStart(h.colon + 1);
    return { at: 'value', kind, spec, prefix: before.slice(vs), start: lineStart + vs, riskLines };
  }
  // No `key:` before the cursor: a new key, or an item of a block list of strings.
  const { kind, spec } = kindOf(chain.map(c => c.key));
  const parentSpec = chain.length ? spec : undefined;
  if (parentSpec && parentSpec.type === 'strings' && h.dash) {
    const { kind: parentKind } = kindOf(chain.slice(0, -1).map(c => c.key));
    const vs = valueStart(0);
    return {
      at: 'value',
      kind: parentKind ?? 'root',
      spec: parentSpec,
      prefix: before.slice(vs),
      start: lineStart + vs,
      riskLines,
    };
  }
  if (!kind) return undefined;
  const ks = Math.min(h.keyCol, before.length);
  return { at: 'key', kind, prefix: before.slice(ks), start: lineStart + ks, riskLines };
}

/** Inside `{ a: 1, b|` after a key's colon: the inner key being typed or whose value is typed. */
function inlineMap(after: string): { key?: string; offset: number } | undefined {
  const open = after.lastIndexOf('{');
  if (open < 0 || after.indexOf('}', open) >= 0) return undefined;
  const cut = Math.max(open, after.lastIndexOf(','));
  const seg = after.slice(cut + 1);
  const k = /^\s*([^:,{}\s][^:,{}]*?)\s*:/.exec(seg);
  const lead = /^\s*/.exec(seg)![0].length;
  return k ? { key: k[1], offset: cut + 1 } : { offset: cut + 1 + lead };
}

/** The lines of the `risks` item around `line`, when the cursor is inside one. */
function riskItem(
  lines: LineIndex,
  chain: { key: string; line: number; keyCol: number }[],
  line: number,
): Cursor['riskLines'] {
  if (!chain.length || canonicalKey('root', chain[0].key)?.key !== 'risks') return undefined;
  const top = chain[0].line;
  const indentOf = (l: number) => lines.lineText(l).search(/\S/);
  let dashCol = -1;
  for (let l = top + 1; l <= line && dashCol < 0; l++) if (/^\s*-(\s|$)/.test(lines.lineText(l))) dashCol = indentOf(l);
  if (dashCol < 0) return undefined;
  let first = -1;
  for (let l = line; l > top && first < 0; l--)
    if (indentOf(l) === dashCol && /^\s*-(\s|$)/.test(lines.lineText(l))) first = l;
  if (first < 0) return undefined;
  let last = first;
  for (let l = first + 1; l < lines.lineCount; l++) {
    const t = lines.lineText(l);
    if (!t.trim() || t.trim().startsWith('#')) continue;
    if (indentOf(l) <= dashCol) break;
    last = l;
  }
  return { first, last };
}
