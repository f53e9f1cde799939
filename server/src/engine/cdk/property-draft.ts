import { Entry, MapNode, Node } from '../model/node';
import { Cfn, isPlainObject, Opaque, Path } from './cfn-value';

/** Where a model value came from in the source, for findings and fixes. */
export interface Span {
  start: number;
  end: number;
  synthetic?: boolean;
}

type Draft =
  { kind: 'map'; entries: Map<string, Draft> } | { kind: 'seq'; items: Draft[] } | { kind: 'leaf'; node: Node };

export function opaqueNode(o: Opaque, span: Span): MapNode {
  const value: Node = { kind: 'scalar', value: o.text, start: span.start, end: span.end, synthetic: span.synthetic };
  return {
    kind: 'map',
    flow: true,
    entries: [{ key: 'Fn::Unknown', keyStart: span.start, keyEnd: span.end, value }],
    start: span.start,
    end: span.end,
    synthetic: span.synthetic,
  };
}

/**
 * Collects CloudFormation values written by several props (and defaults) into one property tree, each leaf carrying
 * the range that set it. A value under a leaf already written (e.g. an unknown object) is ignored.
 */
export class PropertyDraft {
  private readonly root: Draft = { kind: 'map', entries: new Map() };

  /** Whether anything was written at or under `path`, or above it. */
  has(path: Path): boolean {
    let cur: Draft | undefined = this.root;
    for (const p of path) {
      if (!cur || cur.kind === 'leaf') return cur !== undefined;
      cur = cur.kind === 'map' ? cur.entries.get(String(p)) : cur.items[Number(p)];
    }
    return cur !== undefined;
  }

  /** Writes a value; returns the leaf nodes created (with their paths). */
  set(path: Path, value: Cfn, span: Span): { path: Path; node: Node }[] {
    const out: { path: Path; node: Node }[] = [];
    this.write(path, value, span, out);
    return out;
  }

  private write(path: Path, value: Cfn, span: Span, out: { path: Path; node: Node }[]) {
    if (isPlainObject(value) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) this.write([...path, k], v, span, out);
      return;
    }
    if (Array.isArray(value) && value.length) {
      value.forEach((v, i) => this.write([...path, i], v, span, out));
      return;
    }
    const node: Node =
      value instanceof Opaque
        ? opaqueNode(value, span)
        : isPlainObject(value)
          ? { kind: 'map', flow: true, entries: [], start: span.start, end: span.end, synthetic: span.synthetic }
          : Array.isArray(value)
            ? { kind: 'seq', flow: true, items: [], start: span.start, end: span.end, synthetic: span.synthetic }
            : { kind: 'scalar', value, start: span.start, end: span.end, synthetic: span.synthetic };
    if (this.place(path, { kind: 'leaf', node })) out.push({ path, node });
  }

  private place(path: Path, leaf: Draft): boolean {
    if (!path.length) return false;
    let cur: Draft = this.root;
    for (let i = 0; i < path.length; i++) {
      const key = path[i];
      const last = i === path.length - 1;
      if (cur.kind === 'leaf') return false;
      let next: Draft | undefined = cur.kind === 'map' ? cur.entries.get(String(key)) : cur.items[Number(key)];
      if (last) {
        if (next) return false;
        next = leaf;
      } else if (!next)
        next = typeof path[i + 1] === 'number' ? { kind: 'seq', items: [] } : { kind: 'map', entries: new Map() };
      if (cur.kind === 'map') cur.entries.set(String(key), next);
      else cur.items[Number(key)] = next;
      cur = next;
    }
    return true;
  }

  /** Puts a node converted elsewhere (L1 values keep their own ranges). */
  put(path: Path, node: Node): boolean {
    return this.place(path, { kind: 'leaf', node });
  }

  /** Appends one item to a list (creating it). */
  append(path: Path, value: Cfn, span: Span): { path: Path; node: Node }[] {
    let cur: Draft | undefined = this.root;
    for (const p of path)
      cur = cur?.kind === 'map' ? cur.entries.get(String(p)) : cur?.kind === 'seq' ? cur.items[Number(p)] : undefined;
    const index = cur?.kind === 'seq' ? cur.items.length : cur === undefined ? 0 : -1;
    return index < 0 ? [] : this.set([...path, index], value, span);
  }

  toNode(fallback: Span): MapNode {
    const n = build(this.root, fallback);
    return n.kind === 'map' ? n : { kind: 'map', flow: true, entries: [], start: fallback.start, end: fallback.end };
  }
}

function build(d: Draft, fallback: Span): Node {
  if (d.kind === 'leaf') return d.node;
  if (d.kind === 'seq') {
    const items = d.items.filter(Boolean).map(x => build(x, fallback));
    return { kind: 'seq', flow: true, items, ...spanOf(items, fallback) };
  }
  const entries: Entry[] = [...d.entries].map(([key, v]) => {
    const value = build(v, fallback);
    return { key, keyStart: value.start, keyEnd: value.end, value };
  });
  return {
    kind: 'map',
    flow: true,
    entries,
    ...spanOf(
      entries.map(e => e.value),
      fallback,
    ),
  };
}

function spanOf(children: Node[], fallback: Span): { start: number; end: number; synthetic?: boolean } {
  if (!children.length) return { start: fallback.start, end: fallback.end, synthetic: fallback.synthetic };
  return {
    start: Math.min(...children.map(c => c.start)),
    end: Math.max(...children.map(c => c.end)),
    synthetic: children.every(c => c.synthetic) || undefined,
  };
}
