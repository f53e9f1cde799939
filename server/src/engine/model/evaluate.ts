import { get, intrinsicName, isMap, isScalar, isSeq, Node, Scalar, scalarString } from './node';
import { Template } from './template';

/** Why a value is what it is: the parameter value or condition branch that leads to it. */
export type Cause =
  /**
   * A parameter's value: `default` is the value that deploys unless overridden, `allowed` another of its
   * AllowedValues. `default` (the field) carries the parameter's default, when it has one, for messages.
   */
  | { kind: 'parameter'; name: string; value: string; from: 'default' | 'allowed'; default?: string }
  /** A value the parent stack passes to this nested stack's parameter. */
  | { kind: 'passed'; name: string; value: string; parent: string }
  | { kind: 'condition'; name: string; value: boolean };

/** One way a value can turn out. `node` undefined means the property is absent (not written, or AWS::NoValue). */
export interface Branch {
  node: Node | undefined;
  via: Cause[];
  anchor?: Node;
}

export const UNKNOWN = Symbol('unknown');
export interface ScalarOutcome {
  value: Scalar | typeof UNKNOWN | undefined;
  via: Cause[];
  anchor?: Node;
}

/** Upper bound on branches per evaluation: keeps heavy Fn::If templates in milliseconds. */
const MAX_BRANCHES = 64;

function isNoValue(n: Node | undefined): boolean {
  return intrinsicName(n) === 'Ref' && scalarString(get(n, 'Ref')) === 'AWS::NoValue';
}

/** Expands `Fn::If` (both branches, named) and `AWS::NoValue` at one node. */
export function expandIf(
  n: Node | undefined,
  via: Cause[] = [],
  budget = { left: MAX_BRANCHES },
  anchor?: Node,
): Branch[] {
  if (n === undefined || isNoValue(n)) return [{ node: undefined, via, anchor: anchor ?? n }];
  if (intrinsicName(n) === 'Fn::If') {
    const args = get(n, 'Fn::If');
    if (isSeq(args) && args.items.length === 3) {
      const cond = scalarString(args.items[0]) ?? '?';
      if (budget.left-- <= 0) return [{ node: n, via, anchor: anchor ?? n }];
      return [
        ...expandIf(args.items[1], [...via, { kind: 'condition', name: cond, value: true }], budget, args.items[1]),
        ...expandIf(args.items[2], [...via, { kind: 'condition', name: cond, value: false }], budget, args.items[2]),
      ];
    }
  }
  return [{ node: n, via, anchor: anchor ?? n }];
}

/** Walks a key path from `root`, following every `Fn::If` branch on the way. */
export function branchesAt(root: Node | undefined, path: readonly (string | number)[]): Branch[] {
  let current: Branch[] = expandIf(root);
  const budget = { left: MAX_BRANCHES };
  for (const key of path) {
    const next: Branch[] = [];
    for (const b of current) {
      if (b.node === undefined) {
        next.push(b);
        continue;
      }
      const child =
        typeof key === 'number'
          ? isSeq(b.node)
            ? b.node.items[key]
            : undefined
          : isMap(b.node) && !intrinsicName(b.node)
            ? get(b.node, key)
            : undefined;
      if (child === undefined && intrinsicName(b.node)) {
        next.push({ node: b.node, via: b.via, anchor: b.anchor }); // an unresolvable intrinsic: stays unknown
        continue;
      }
      if (child === undefined && isScalar(b.node)) {
        // nothing below a scalar (e.g. an empty value): absent
        next.push({ node: undefined, via: b.via, anchor: b.node });
        continue;
      }
      next.push(...expandIf(child, b.via, budget, child));
      if (next.length > MAX_BRANCHES) break;
    }
    current = next;
  }
  return current;
}

/** True when a branch's node is an intrinsic we cannot see through (unknown at analysis time). */
export function isOpaque(n: Node | undefined): boolean {
  const fn = intrinsicName(n);
  return fn !== undefined && fn !== 'Fn::If';
}

/**
 * The concrete scalar values a node can take: `Ref` to a parameter follows `AllowedValues` (every one) or else
 * `Default`; pseudo parameters, `Fn::Sub`, `Fn::GetAtt`, `Fn::ImportValue`… are UNKNOWN — never guessed.
 */
export function scalarOutcomes(t: Template, n: Node | undefined, via: Cause[] = []): ScalarOutcome[] {
  const out: ScalarOutcome[] = [];
  for (const b of expandIf(n, via)) {
    const cur = b.node;
    if (cur === undefined) {
      out.push({ value: undefined, via: b.via, anchor: b.anchor });
      continue;
    }
    if (isScalar(cur)) {
      out.push({ value: cur.value, via: b.via, anchor: cur });
      continue;
    }
    if (intrinsicName(cur) === 'Ref') {
      const name = scalarString(get(cur, 'Ref')) ?? '';
      const passed = t.passed?.values[name];
      if (passed !== undefined && t.parameters.has(name)) {
        const cause: Cause = { kind: 'passed', name, value: passed, parent: t.passed!.parent };
        out.push({ value: passed, via: [...b.via, cause], anchor: cur });
        continue;
      }
      const p = t.parameters.get(name);
      const allowed = p?.allowedValues?.filter(isScalar);
      const def = p?.default && isScalar(p.default) ? String(p.default.value) : undefined;
      if (allowed && allowed.length) {
        for (const a of allowed) {
          const from = def !== undefined && String(a.value) === def ? 'default' : 'allowed';
          const cause: Cause = { kind: 'parameter', name, value: String(a.value), from, default: def };
          out.push({ value: a.value, via: [...b.via, cause], anchor: cur });
        }
      } else if (p?.default && isScalar(p.default)) {
        out.push({
          value: p.default.value,
          via: [...b.via, { kind: 'parameter', name, value: String(p.default.value), from: 'default', default: def }],
          anchor: cur,
        });
      } else out.push({ value: UNKNOWN, via: b.via, anchor: cur });
      continue;
    }
    out.push({ value: UNKNOWN, via: b.via, anchor: cur });
    if (out.length > MAX_BRANCHES) break;
  }
  return out;
}

export function asBool(v: ScalarOutcome['value']): boolean | undefined | typeof UNKNOWN {
  if (v === UNKNOWN || v === undefined) return v;
  if (v === true || v === 'true' || v === 'True' || v === 'TRUE') return true;
  if (v === false || v === 'false' || v === 'False' || v === 'FALSE') return false;
  return UNKNOWN;
}

export function asNumber(v: ScalarOutcome['value']): number | undefined | typeof UNKNOWN {
  if (v === UNKNOWN || v === undefined) return v;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : UNKNOWN;
}
