/**
 * A format-neutral value tree with source offsets. CloudFormation YAML, JSON and CDK source all become this,
 * so rules are written once. Short-form YAML tags (`!Ref X`) become one-entry maps (`{Ref: X}`) with `tag` set.
 */
export type Node = MapNode | SeqNode | ScalarNode;
export type Scalar = string | number | boolean | null;

interface NodeBase {
  start: number;
  end: number;
  /** Not written in the text: a default applied by the analyser (e.g. a CDK construct default). */
  synthetic?: boolean;
  /** Reached through a YAML alias or merge key (`*name`, `<<: *name`): its text is the anchor's, shared with others. */
  aliased?: boolean;
  /**
   * Nested deeper than the parser's limit: a placeholder (`null`) spanning the value that was not read. No fix edits
   * inside it, and a `nesting-too-deep` finding says so.
   */
  truncated?: boolean;
}
export interface Entry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: Node;
}
export interface MapNode extends NodeBase {
  kind: 'map';
  entries: Entry[];
  flow: boolean;
  tag?: string;
}
export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
  flow: boolean;
  tag?: string;
}
export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  value: Scalar;
  quote?: '"' | "'";
  tag?: string;
}

export function isMap(n: Node | undefined): n is MapNode {
  return n?.kind === 'map';
}
export function isSeq(n: Node | undefined): n is SeqNode {
  return n?.kind === 'seq';
}
export function isScalar(n: Node | undefined): n is ScalarNode {
  return n?.kind === 'scalar';
}

export function entryOf(map: Node | undefined, key: string): Entry | undefined {
  if (!isMap(map)) return undefined;
  for (let i = map.entries.length - 1; i >= 0; i--) if (map.entries[i].key === key) return map.entries[i];
  return undefined;
}

export function get(map: Node | undefined, key: string): Node | undefined {
  return entryOf(map, key)?.value;
}

/** Follows a path of keys (and numeric indexes into sequences). */
export function at(node: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let cur = node;
  for (const p of path) {
    if (cur === undefined) return undefined;
    if (typeof p === 'number') cur = isSeq(cur) ? cur.items[p] : undefined;
    else cur = get(cur, p);
  }
  return cur;
}

/** The intrinsic function name when the node is `{Ref: …}` / `{Fn::X: …}` / `{Condition: …}`. */
export function intrinsicName(n: Node | undefined): string | undefined {
  if (!isMap(n) || n.entries.length !== 1) return undefined;
  const k = n.entries[0].key;
  return k === 'Ref' || k === 'Condition' || k.startsWith('Fn::') ? k : undefined;
}

/** Plain JS value of a node (intrinsics stay as objects). */
export function toPlain(n: Node | undefined): unknown {
  if (n === undefined) return undefined;
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'seq') return n.items.map(toPlain);
  const o: Record<string, unknown> = {};
  for (const e of n.entries) o[e.key] = toPlain(e.value);
  return o;
}

export function scalarString(n: Node | undefined): string | undefined {
  return isScalar(n) && n.value !== null ? String(n.value) : undefined;
}

/** The innermost node whose span contains the offset, with the chain of keys leading to it. */
export function nodeAt(root: Node, offset: number): { node: Node; path: (string | number)[]; onKey?: Entry } {
  let node: Node = root;
  const path: (string | number)[] = [];
  for (;;) {
    if (node.kind === 'map') {
      const e = node.entries.find(en => offset >= en.keyStart && offset <= Math.max(en.keyEnd, en.value.end));
      if (!e) return { node, path };
      path.push(e.key);
      if (offset >= e.keyStart && offset <= e.keyEnd) return { node: e.value, path, onKey: e };
      node = e.value;
    } else if (node.kind === 'seq') {
      const i = node.items.findIndex(it => offset >= it.start && offset <= it.end);
      if (i < 0) return { node, path };
      path.push(i);
      node = node.items[i];
    } else return { node, path };
  }
}
