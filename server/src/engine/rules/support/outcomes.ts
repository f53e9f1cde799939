import { FixSpec, FixValue } from '../../fixes/spec';
import { Phrase, phrase } from '../../i18n/text';
import { asBool, asNumber, branchesAt, isOpaque, ScalarOutcome, scalarOutcomes, UNKNOWN } from '../../model/evaluate';
import { get, intrinsicName, isMap, isScalar, isSeq, MapNode, Node, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { RuleContext } from '../types';

/**
 * Outcomes of a (possibly nested) property path: every `Fn::If` branch and every allowed parameter value.
 * `value: undefined` = absent; UNKNOWN = cannot be known statically (never reported as a violation).
 */
export function propertyOutcomes(ctx: RuleContext, r: Resource, path: readonly (string | number)[]): ScalarOutcome[] {
  const out: ScalarOutcome[] = [];
  for (const b of branchesAt(r.node, ['Properties', ...path])) {
    if (b.node === undefined) {
      out.push({ value: undefined, via: b.via, anchor: b.anchor });
      continue;
    }
    if (isOpaque(b.node) && b.node !== b.anchor) {
      out.push({ value: UNKNOWN, via: b.via, anchor: b.node });
      continue;
    }
    out.push(...scalarOutcomes(ctx.template, b.node, b.via));
  }
  return out;
}

/** Where a finding about this outcome should point: the value written, else the resource's logical ID. */
export function anchorOf(r: Resource, o: { anchor?: Node }): Node | { start: number; end: number } {
  return o.anchor ?? { start: r.idStart, end: r.idEnd };
}

/**
 * Reports every outcome of a boolean property that is not `true` (absent counts as the given default).
 * Typical use: `StorageEncrypted`, `EnableLogFileValidation`, `Encrypted`.
 */
export function requireTrue(
  ctx: RuleContext,
  r: Resource,
  path: string[],
  opts: { absentIs?: boolean; fixPath?: string[] } = {},
): void {
  for (const o of propertyOutcomes(ctx, r, path)) {
    const b = o.value === undefined ? (opts.absentIs ?? false) : asBool(o.value);
    if (b === true || b === UNKNOWN) continue;
    const value = o.value === undefined ? phrase('notSet') : String(o.value);
    ctx.report({
      at: anchorOf(r, o),
      via: o.via,
      args: { property: path.join('.'), value },
      fix: { kind: 'set', resource: r, path: ['Properties', ...(opts.fixPath ?? path)], value: true },
    });
  }
}

export { asBool, asNumber, UNKNOWN };

/** The logical ID a `Ref` or `Fn::GetAtt` (either `A.B` or `[A, B]` form) points to, with the GetAtt attribute. */
export function refTarget(n: Node | undefined): { id: string; attribute?: string } | undefined {
  const fn = intrinsicName(n);
  if (fn === 'Ref') {
    const id = scalarString(get(n, 'Ref'));
    return id ? { id } : undefined;
  }
  if (fn === 'Fn::GetAtt') {
    const arg = get(n, 'Fn::GetAtt');
    if (isSeq(arg)) {
      const [id, attribute] = arg.items.map(scalarString);
      return id ? { id, attribute } : undefined;
    }
    const s = scalarString(arg);
    if (!s) return undefined;
    const dot = s.indexOf('.');
    return dot < 0 ? { id: s } : { id: s.slice(0, dot), attribute: s.slice(dot + 1) };
  }
  return undefined;
}

/** Logical IDs named inside a `Fn::Sub` string (`${Bucket.Arn}/logs` → Bucket); pseudo parameters excluded. */
export function subTargets(n: Node | undefined): string[] {
  if (intrinsicName(n) !== 'Fn::Sub') return [];
  const arg = get(n, 'Fn::Sub');
  const text = scalarString(isSeq(arg) ? arg.items[0] : arg) ?? '';
  return [...text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)].map(m => m[1]);
}

/** Logical IDs a value refers to through Ref, GetAtt or Sub; `undefined` when it is some other intrinsic (unknown). */
export function referencedIds(n: Node | undefined): string[] | undefined {
  const direct = refTarget(n);
  if (direct) return [direct.id];
  if (intrinsicName(n) === 'Fn::Sub') return subTargets(n);
  if (isScalar(n)) return [];
  return undefined;
}

/** Calls `visit` for every node below `n`, with the map key it sits under (undefined inside sequences). */
export function walk(n: Node | undefined, visit: (node: Node, key: string | undefined) => void, key?: string): void {
  if (n === undefined) return;
  visit(n, key);
  if (isMap(n)) for (const e of n.entries) walk(e.value, visit, e.key);
  else if (isSeq(n)) for (const item of n.items) walk(item, visit, undefined);
}

/** True when any string written under `n` contains `text` (e.g. a policy naming `cloudtrail.amazonaws.com`). */
export function mentions(n: Node | undefined, text: string): boolean {
  let found = false;
  walk(n, x => {
    if (!found && isScalar(x) && typeof x.value === 'string' && x.value.includes(text)) found = true;
  });
  return found;
}

/** Statements of an IAM policy document, whether `Statement` is a list or a single map. */
export function policyStatements(doc: Node | undefined): MapNode[] {
  return itemsOf(get(doc, 'Statement'))
    .filter(isMap)
    .filter(s => !intrinsicName(s));
}

/**
 * A `set` fix whose path starts at a map nested inside the resource (a policy statement) or at a parameter's body,
 * instead of at the resource body.
 */
export function setWithin(
  r: Resource,
  map: MapNode,
  path: string[],
  value: FixValue,
  title?: FixSpec['title'],
): FixSpec {
  return { kind: 'set', resource: { ...r, node: map }, path, value, title };
}

/** `base`, or `base2`, `base3`… — the first logical ID not yet used in the template. */
export function freeLogicalId(t: Template, base: string): string {
  if (!t.byId.has(base)) return base;
  for (let i = 2; ; i++) if (!t.byId.has(`${base}${i}`)) return `${base}${i}`;
}

/** Where template-level findings point: the `Resources` key. */
export function resourcesKey(t: Template): { start: number; end: number } {
  const e = t.root.entries.find(x => x.key === 'Resources');
  return e ? { start: e.keyStart, end: e.keyEnd } : { start: 0, end: 0 };
}

/** Outcomes of a path below any node (an item of a list of rules), like `propertyOutcomes` does for a resource. */
export function nodeOutcomes(ctx: RuleContext, root: Node, path: readonly (string | number)[]): ScalarOutcome[] {
  const out: ScalarOutcome[] = [];
  for (const b of branchesAt(root, path)) {
    if (b.node === undefined) {
      out.push({ value: undefined, via: b.via, anchor: b.anchor });
      continue;
    }
    if (isOpaque(b.node) && b.node !== b.anchor) {
      out.push({ value: UNKNOWN, via: b.via, anchor: b.node });
      continue;
    }
    out.push(...scalarOutcomes(ctx.template, b.node, b.via));
  }
  return out;
}

/**
 * Reports every outcome of a boolean property that is `true` where it must not be (PubliclyAccessible…), fixing it to
 * false.
 */
export function requireNotTrue(ctx: RuleContext, r: Resource, path: string[]): void {
  for (const o of propertyOutcomes(ctx, r, path)) {
    if (asBool(o.value) !== true) continue;
    ctx.report({
      at: anchorOf(r, o),
      via: o.via,
      args: { property: path.join('.'), value: String(o.value) },
      fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: false },
    });
  }
}

/** "not set": the value shown when a property is absent. */
export function notSet(): Phrase {
  return phrase('notSet');
}

/** Items of a list property; a single non-list value counts as one item (CloudFormation often accepts both). */
export function itemsOf(n: Node | undefined): Node[] {
  if (n === undefined) return [];
  return isSeq(n) ? n.items : [n];
}

/**
 * Reports every outcome where the property is absent (or empty). Any written value, known or not, passes.
 * `fix` builds the fix for a plain absence; none is offered when a parameter or condition decides it.
 */
export function requirePresent(
  ctx: RuleContext,
  r: Resource,
  path: (string | number)[],
  fix?: () => FixSpec | FixSpec[] | undefined,
): void {
  for (const o of propertyOutcomes(ctx, r, path)) {
    if (o.value !== undefined && o.value !== null && o.value !== '') continue;
    ctx.report({
      at: anchorOf(r, o),
      via: o.via,
      args: { property: path.join('.'), value: notSet() },
      fix: fix?.(),
    });
  }
}

/** Outcomes of a node found inside a property (e.g. within a list item), resolved like `propertyOutcomes`. */
export function scalarOutcomesOf(ctx: RuleContext, n: Node | undefined): ScalarOutcome[] {
  return scalarOutcomes(ctx.template, n);
}

/** The file name of a template's URI, for messages that point at another stack. */
export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** Set an absent property, or replace the literal that is there. */
export function fixValue(r: Resource, path: string[], written: Node | undefined, value: string): FixSpec {
  return written
    ? { kind: 'replace', node: written, value }
    : { kind: 'set', resource: r, path: ['Properties', ...path], value };
}
