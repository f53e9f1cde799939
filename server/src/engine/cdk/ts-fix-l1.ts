/** Fixes on L1 (`Cfn*`) constructs: CloudFormation 1:1, written with the L1 props' camelCase names. */
import { isMap, isScalar, isSeq, Node } from '../model/node';
import { FixValue } from '../fixes/spec';
import { Path } from './cfn-value';
import { propOf } from './cdk-value';
import { isJsonProp, l1Prop } from './l1-mapping';
import { ConstructCall } from './model';
import { SourceEdits } from './ts-fix-edits';
import { quoted } from './ts-fix-imports';
import { TsValue } from './ts-values';

/** Walks (or creates) the nested object literals by camelCase name and writes the value at `path`. */
export function setL1(out: SourceEdits, call: ConstructCall, path: Path, value: FixValue): boolean {
  let obj: TsValue | undefined = call.props;
  const l1 = call.l1;
  if (!l1) return false;
  let parent: string | undefined;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key !== 'string') return false;
    const prop = l1Prop(l1.module, l1.cls, parent, key);
    // Free-form JSON (policy documents) keeps CloudFormation's spelling; the camelCase writer must not touch it.
    if (!prop || (parent === undefined && isJsonProp(l1.module, l1.cls, prop))) return false;
    const rest = path.slice(i + 1);
    const wrapped = rest.reduceRight<FixValue>((v, k) => (typeof k === 'string' ? { [k]: v } : v), value);
    if (rest.some(k => typeof k !== 'string')) return false;
    if (!obj) {
      const text = l1Literal(wrapped, call, key);
      return text !== undefined && out.setProp(call, prop, text);
    }
    if (obj.kind !== 'object' || obj.spread) return false;
    const p = propOf(obj, prop);
    if (!p || i === path.length - 1 || p.value.kind !== 'object') {
      const text = l1Literal(wrapped, call, key);
      if (text === undefined) return false;
      if (!p) return out.insertProp(obj.node, `${prop}: ${text}`);
      if (!out.ts.isPropertyAssignment(p.element)) return false;
      const init = p.element.initializer;
      out.edits.push({ start: init.getStart(out.file), end: init.getEnd(), text });
      return true;
    }
    obj = p.value;
    parent = key;
  }
  return false;
}

/** Replaces a scalar written in an L1 construct's props. */
export function replaceL1(out: SourceEdits, node: Node, value: FixValue): boolean {
  const call = [...out.model.calls.values()].find(c => c.l1 && !c.owner && contains(c.resource.properties, node));
  if (!call?.l1 || !isScalar(node) || node.synthetic) return false;
  const top = call.resource.properties ? pathTo(call.resource.properties, node)?.[0] : undefined;
  const topProp = typeof top === 'string' ? l1Prop(call.l1.module, call.l1.cls, undefined, top) : undefined;
  if (typeof value === 'object' && value !== null && (!topProp || isJsonProp(call.l1.module, call.l1.cls, topProp)))
    return false;
  const text = l1Literal(value, call, undefined);
  if (text === undefined) return false;
  out.edits.push({ start: node.start, end: node.end, text });
  return true;
}

/** A FixValue as a TypeScript literal with L1 camelCase keys. Intrinsics (`{Ref: X}`) have no literal: no fix. */
export function l1Literal(v: FixValue, call: ConstructCall, parent: string | undefined): string | undefined {
  if (v === null || typeof v !== 'object') return typeof v === 'string' ? quoted(v) : String(v);
  if (Array.isArray(v)) {
    const items = v.map(x => l1Literal(x, call, parent));
    return items.some(x => x === undefined) ? undefined : `[${items.join(', ')}]`;
  }
  const keys = Object.keys(v);
  if (keys.some(k => k === 'Ref' || k.startsWith('Fn::'))) return undefined;
  const parts: string[] = [];
  for (const k of keys) {
    const prop = call.l1 ? l1Prop(call.l1.module, call.l1.cls, parent, k) : undefined;
    if (call.l1 && prop && parent === undefined && isJsonProp(call.l1.module, call.l1.cls, prop)) return undefined;
    const name = prop ?? (/^[A-Za-z_$][\w$]*$/.test(k) ? undefined : `'${k}'`);
    if (!name) return undefined;
    const inner = l1Literal(v[k], call, k);
    if (inner === undefined) return undefined;
    parts.push(`${name}: ${inner}`);
  }
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}

/** Where `target` sits under `root` (keys and list indexes), or undefined when it is not there. */
export function pathTo(root: Node, target: Node): Path | undefined {
  if (root === target) return [];
  if (isMap(root)) {
    for (const e of root.entries) {
      const p = pathTo(e.value, target);
      if (p) return [e.key, ...p];
    }
  } else if (isSeq(root)) {
    for (let i = 0; i < root.items.length; i++) {
      const p = pathTo(root.items[i], target);
      if (p) return [i, ...p];
    }
  }
  return undefined;
}

function contains(root: Node | undefined, target: Node): boolean {
  if (!root) return false;
  if (root === target) return true;
  if (isMap(root)) return root.entries.some(e => contains(e.value, target));
  if (isSeq(root)) return root.items.some(i => contains(i, target));
  return false;
}
