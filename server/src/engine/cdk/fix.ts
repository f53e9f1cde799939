import type * as TS from 'typescript';
import { get, isMap, isScalar, isSeq, Node, scalarString } from '../model/node';
import { Template } from '../model/template';
import { Fix, TextEdit } from '../model/types';
import { FixSpec, FixValue } from '../fixes/spec';
import { leaves, Path, startsWith } from './cfn-value';
import { isJsonProp, l1Prop } from './l1';
import { Leaf, PropSpec } from './mapping';
import { CdkModel, ConstructCall } from './model';
import { propOf, TsValue } from './values';

type Edit = { start: number; end: number; text: string };

/** Policies that only deny non-TLS requests map back to the owning construct's `enforceSSL: true`. */
const TLS_POLICY_TARGET: Record<string, string> = {
  'AWS::S3::BucketPolicy': 'Bucket',
  'AWS::SNS::TopicPolicy': 'Topics',
  'AWS::SQS::QueuePolicy': 'Queues',
};
const ALIASES: Record<string, string> = { 'aws-elasticloadbalancingv2': 'elbv2', core: 'cdk' };

/**
 * Turns a format-neutral fix (in CloudFormation terms) into TypeScript edits on the construct's props object: the
 * L2 prop that produces the wanted value, or the L1 prop 1:1. No mapping → no fix (never a wrong one).
 */
export function typescriptFixer(model: CdkModel): (t: Template, f: FixSpec) => Fix['edit'] | undefined {
  return (t, f) => {
    const w = new TsWriter(model);
    // One quick fix: every part (`also`) must be expressible in TypeScript, or no fix is offered.
    const ok = w.apply(f) && (f.also ?? []).every(x => w.apply(x));
    // Parts that map to the same prop (DeletionPolicy and UpdateReplacePolicy → removalPolicy) write it once.
    const edits = w.edits.filter(
      (e, i) => w.edits.findIndex(x => x.start === e.start && x.end === e.end && x.text === e.text) === i,
    );
    w.edits.splice(0, w.edits.length, ...edits);
    if (!ok || !w.edits.length || overlapping(w.edits)) return undefined;
    return { [t.uri]: w.textEdits(t) };
  };
}

class TsWriter {
  readonly edits: Edit[] = [];
  private readonly file: TS.SourceFile;
  private readonly ts: typeof TS;
  private readonly nl: string;
  private readonly importsAdded = new Map<string, string>();
  constructor(private readonly model: CdkModel) {
    this.file = model.parsed.file;
    this.ts = model.parsed.ts;
    this.nl = model.template.text.includes('\r\n') ? '\r\n' : '\n';
  }

  textEdits(t: Template): TextEdit[] {
    return this.edits.map(e => ({ range: t.lines.range(e.start, e.end), newText: e.text }));
  }

  apply(f: FixSpec): boolean {
    switch (f.kind) {
      case 'set': {
        const call = this.model.calls.get(f.resource.logicalId);
        if (!call || call.owner) return false;
        // `path` starts at `resource.node`, which may be a map nested in the resource (a list item, a statement).
        const base = call.resource.node === f.resource.node ? [] : pathTo(call.resource.node, f.resource.node);
        if (!base) return false;
        const full = [...base, ...f.path];
        if (full.length === 1 && (full[0] === 'DeletionPolicy' || full[0] === 'UpdateReplacePolicy'))
          return this.setRemoval(call, f.value);
        if (full[0] !== 'Properties') return false;
        const path = full.slice(1);
        return call.l1 ? this.setL1(call, path, f.value) : this.setL2(call, leaves(f.value, path) as Leaf[]);
      }
      case 'replace': {
        const attributeOf = this.model.attributes.get(f.node);
        if (attributeOf) {
          const call = this.model.calls.get(attributeOf);
          return !!call && !call.owner && this.setRemoval(call, f.value);
        }
        const origin = this.model.origins.get(f.node);
        if (origin) {
          const call = this.model.calls.get(origin.logicalId);
          return !!call && this.setL2(call, [{ path: [...origin.spec.cfn, ...origin.path], value: f.value }]);
        }
        const l1 = [...this.model.calls.values()].find(
          c => c.l1 && !c.owner && contains(c.resource.properties, f.node),
        );
        if (!l1 || !isScalar(f.node) || f.node.synthetic) return false;
        const top = l1.resource.properties ? pathTo(l1.resource.properties, f.node)?.[0] : undefined;
        const topProp = typeof top === 'string' ? l1Prop(l1.l1!.module, l1.l1!.cls, undefined, top) : undefined;
        if (
          typeof f.value === 'object' &&
          f.value !== null &&
          (!topProp || isJsonProp(l1.l1!.module, l1.l1!.cls, topProp))
        )
          return false;
        const text = literal(f.value, this.indentAt(f.node.start), l1, undefined, this);
        if (text === undefined) return false;
        this.edits.push({ start: f.node.start, end: f.node.end, text });
        return true;
      }
      case 'append': {
        // A TLS-only statement added to the policy of a construct that has `enforceSSL`: set that prop instead.
        const policyOwner =
          TLS_POLICY_TARGET[f.resource.type] &&
          isTlsDeny(f.item) &&
          f.path.join('.') === 'Properties.PolicyDocument.Statement'
            ? this.model.template.byId.get(f.resource.logicalId)?.origin
            : undefined;
        if (policyOwner) return this.enforceSsl(policyOwner);
        const call = this.model.calls.get(f.resource.logicalId);
        if (!call || call.owner || f.path[0] !== 'Properties') return false;
        return this.append(call, f.path.slice(1), f.item);
      }
      case 'addResource': {
        // Only a policy whose one statement denies requests without TLS has an L2 idiom (`enforceSSL: true`).
        if (!isPlainValue(f.body)) return false;
        const type = f.body.Type;
        const refKey = typeof type === 'string' ? TLS_POLICY_TARGET[type] : undefined;
        const props = f.body.Properties;
        const doc = isPlainValue(props) ? props.PolicyDocument : undefined;
        const statements = isPlainValue(doc) ? doc.Statement : undefined;
        if (!refKey || !Array.isArray(statements) || statements.length !== 1 || !isTlsDeny(statements[0])) return false;
        const target = isPlainValue(props)
          ? Array.isArray(props[refKey])
            ? (props[refKey] as FixValue[])[0]
            : props[refKey]
          : undefined;
        const id = isPlainValue(target) && typeof target.Ref === 'string' ? target.Ref : undefined;
        return !!id && this.enforceSsl(id);
      }
    }
  }

  private enforceSsl(constructId: string): boolean {
    const call = this.model.calls.get(constructId);
    if (
      !call?.spec ||
      call.owner ||
      !call.spec.companions ||
      !['aws-s3', 'aws-sns', 'aws-sqs'].includes(call.spec.module)
    )
      return false;
    return this.setProp(call, 'enforceSSL', 'true');
  }

  /** DeletionPolicy / UpdateReplacePolicy → `removalPolicy: cdk.RemovalPolicy.RETAIN | SNAPSHOT` (sets both attributes). */
  private setRemoval(call: ConstructCall, value: FixValue): boolean {
    const member = value === 'Retain' ? 'RETAIN' : value === 'Snapshot' ? 'SNAPSHOT' : undefined;
    if (!member || !call.spec?.removalDefault || this.model.removalCalls.has(call.resource.logicalId)) return false;
    return this.setProp(call, 'removalPolicy', this.expand(`@{core:RemovalPolicy}.${member}`));
  }

  /** Wanted CloudFormation leaves → the L2 props that produce them. */
  private setL2(call: ConstructCall, want: Leaf[]): boolean {
    const spec = call.spec;
    if (!spec) return false;
    const groups = new Map<PropSpec, Leaf[]>();
    for (const leaf of want) {
      const candidates = spec.props.filter(s => startsWith(leaf.path, s.cfn));
      const written = candidates.filter(s => call.ctx.has(s.prop)).sort((a, b) => b.cfn.length - a.cfn.length);
      const chosen = written.find(s => s.fix) ?? (written.length ? undefined : candidates.find(s => s.fix));
      if (!chosen) return false;
      groups.set(chosen, [
        ...(groups.get(chosen) ?? []),
        { path: leaf.path.slice(chosen.cfn.length), value: leaf.value },
      ]);
    }
    for (const [s, ls] of groups) {
      const expr = s.fix!(ls, call.ctx);
      if (expr === undefined) return false;
      if (!this.setProp(call, s.prop, this.expand(expr))) return false;
    }
    return true;
  }

  /** `@{aws-s3:BucketEncryption}` → `s3.BucketEncryption` through the file's imports, adding one when needed. */
  expand(expr: string): string {
    return expr.replace(/@\{([a-z0-9-]+):(\w+)\}/g, (_, module: string, name: string) => this.refText(module, name));
  }

  private refText(module: string, name: string): string {
    const { imports } = this.model;
    for (const [local, b] of imports.bindings)
      if (b.kind === 'namespace' && b.module === module) return `${local}.${name}`;
    for (const [local, b] of imports.bindings)
      if (b.kind === 'member' && b.module === module && b.name === name) return local;
    if (module !== 'core')
      for (const [local, b] of imports.bindings)
        if (b.kind === 'namespace' && b.module === 'core') return `${local}.${module.replace(/-/g, '_')}.${name}`;
    const key = `${module}:${name}`;
    if (this.importsAdded.has(key)) return this.importsAdded.get(key)!;
    const alreadyAliased = this.importsAdded.get(`${module}:*`);
    if (alreadyAliased) return `${alreadyAliased}.${name}`;
    const ts = this.ts;
    const named = imports.declarations.find(
      d =>
        d.module === module &&
        d.node.importClause &&
        !d.node.importClause.isTypeOnly &&
        d.node.importClause.namedBindings &&
        ts.isNamedImports(d.node.importClause.namedBindings),
    );
    if (named && !this.isTaken(name)) {
      const list = named.node.importClause!.namedBindings as TS.NamedImports;
      const last = list.elements[list.elements.length - 1];
      this.edits.push(
        last
          ? { start: last.getEnd(), end: last.getEnd(), text: `, ${name}` }
          : { start: list.getStart(this.file) + 1, end: list.getStart(this.file) + 1, text: ` ${name} ` },
      );
      this.importsAdded.set(key, name);
      return name;
    }
    let alias = ALIASES[module] ?? module.replace(/^aws-/, '').replace(/[^a-z0-9]/g, '');
    while (this.isTaken(alias)) alias += '_';
    const spec =
      module === 'core'
        ? imports.style === 'v1'
          ? '@aws-cdk/core'
          : 'aws-cdk-lib'
        : imports.style === 'v1'
          ? `@aws-cdk/${module}`
          : `aws-cdk-lib/${module}`;
    const lastImport = imports.declarations[imports.declarations.length - 1]?.node;
    const at = lastImport ? lastImport.getEnd() : 0;
    const line = `import * as ${alias} from '${spec}';`;
    this.edits.push({ start: at, end: at, text: lastImport ? `${this.nl}${line}` : `${line}${this.nl}` });
    this.importsAdded.set(`${module}:*`, alias);
    return `${alias}.${name}`;
  }

  private isTaken(name: string): boolean {
    return (
      this.model.imports.bindings.has(name) ||
      this.model.env.consts.has(name) ||
      this.declaredNames().includes(` ${name} `)
    );
  }

  private declaredCache?: string;
  private declaredNames(): string {
    if (this.declaredCache === undefined) {
      const names: string[] = [];
      const ts = this.ts;
      const visit = (n: TS.Node) => {
        if (
          (ts.isVariableDeclaration(n) ||
            ts.isParameter(n) ||
            ts.isClassDeclaration(n) ||
            ts.isFunctionDeclaration(n)) &&
          n.name &&
          ts.isIdentifier(n.name)
        )
          names.push(n.name.text);
        ts.forEachChild(n, visit);
      };
      visit(this.file);
      this.declaredCache = ` ${names.join(' ')} `;
    }
    return this.declaredCache;
  }

  /** Sets a (dotted) prop in the construct's props object, creating the object when the call has none. */
  setProp(call: ConstructCall, dotted: string, expr: string): boolean {
    const keys = dotted.split('.');
    const props = call.props;
    if (!props) {
      const args = call.call.arguments ?? this.ts.factory.createNodeArray();
      if (args.length !== call.propsIndex) return false; // props given but not readable
      const last = args[args.length - 1];
      if (!last) return false;
      this.edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${nested(keys, expr)}` });
      return true;
    }
    return this.setIn(props, keys, expr);
  }

  private setIn(obj: TsValue, keys: string[], expr: string): boolean {
    if (obj.kind !== 'object') return false;
    const p = propOf(obj, keys[0]);
    if (keys.length > 1) {
      if (p) return this.setIn(p.value, keys.slice(1), expr);
      return this.insertProp(obj.node, `${keys[0]}: ${nested(keys.slice(1), expr)}`);
    }
    if (!p) return this.insertProp(obj.node, `${keys[0]}: ${expr}`);
    const el = p.element;
    if (this.ts.isPropertyAssignment(el))
      this.edits.push({ start: el.initializer.getStart(this.file), end: el.initializer.getEnd(), text: expr });
    else this.edits.push({ start: el.getStart(this.file), end: el.getEnd(), text: `${keys[0]}: ${expr}` });
    return true;
  }

  /** Adds `entry` as the last property, in the object's own layout (one line or one property per line). */
  insertProp(obj: TS.ObjectLiteralExpression, entry: string): boolean {
    const props = obj.properties;
    const open = obj.getStart(this.file);
    // An object the parser had to close itself (the file is being typed): nothing safe to insert into.
    if (this.model.template.text[obj.getEnd() - 1] !== '}' || obj.getEnd() - 1 <= open) return false;
    if (!props.length) {
      const close = obj.getEnd() - 1;
      const inner = this.model.template.text.slice(open + 1, close);
      if (inner.includes('\n')) {
        const indent = this.indentAt(open);
        this.edits.push({ start: open + 1, end: close, text: `${this.nl}${indent}  ${entry},${this.nl}${indent}` });
      } else this.edits.push({ start: open + 1, end: close, text: ` ${entry} ` });
      return true;
    }
    const last = props[props.length - 1];
    const text = this.model.template.text;
    const multiline = this.line(props[0].getStart(this.file)) !== this.line(open);
    if (multiline) {
      const indent = this.indentAt(last.getStart(this.file));
      if (props.hasTrailingComma) {
        const comma = text.indexOf(',', last.getEnd());
        if (comma < 0) return false;
        this.edits.push({ start: comma + 1, end: comma + 1, text: `${this.nl}${indent}${entry},` });
      } else this.edits.push({ start: last.getEnd(), end: last.getEnd(), text: `,${this.nl}${indent}${entry}` });
    } else if (props.hasTrailingComma) {
      const comma = text.indexOf(',', last.getEnd());
      if (comma < 0) return false;
      this.edits.push({ start: comma + 1, end: comma + 1, text: ` ${entry},` });
    } else this.edits.push({ start: last.getEnd(), end: last.getEnd(), text: `, ${entry}` });
    return true;
  }

  private line(offset: number): number {
    return this.file.getLineAndCharacterOfPosition(offset).line;
  }
  indentAt(offset: number): string {
    const lineStart = this.model.template.lines.lineStart(this.line(offset));
    const m = /^[ \t]*/.exec(this.model.template.text.slice(lineStart));
    return m ? m[0] : '';
  }

  /** L1 props are CloudFormation 1:1: walk (or create) the nested object literals by camelCase name. */
  private setL1(call: ConstructCall, path: Path, value: FixValue): boolean {
    let obj: TsValue | undefined = call.props;
    const l1 = call.l1!;
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
        const text = literal(wrapped, '', call, key, this);
        return text !== undefined && this.setProp(call, prop, text);
      }
      if (obj.kind !== 'object' || obj.spread) return false;
      const p = propOf(obj, prop);
      if (!p || i === path.length - 1 || p.value.kind !== 'object') {
        const text = literal(wrapped, this.indentAt(obj.node.getStart(this.file)), call, key, this);
        if (text === undefined) return false;
        if (!p) return this.insertProp(obj.node, `${prop}: ${text}`);
        if (!this.ts.isPropertyAssignment(p.element)) return false;
        this.edits.push({
          start: p.element.initializer.getStart(this.file),
          end: p.element.initializer.getEnd(),
          text,
        });
        return true;
      }
      obj = p.value;
      parent = key;
    }
    return false;
  }

  private append(call: ConstructCall, path: Path, item: FixValue): boolean {
    const asList = (text: string | undefined, existing: TsValue | undefined) => {
      if (text === undefined) return false;
      if (!existing) return undefined;
      if (existing.kind !== 'array' || existing.spread) return false;
      const arr = existing.node;
      const last = arr.elements[arr.elements.length - 1];
      this.edits.push(
        last
          ? { start: last.getEnd(), end: last.getEnd(), text: `, ${text}` }
          : { start: arr.getStart(this.file) + 1, end: arr.getStart(this.file) + 1, text },
      );
      return true;
    };
    if (call.spec) {
      const s = call.spec.props.find(x => x.appendItem && x.cfn.join('/') === path.join('/'));
      const text = s?.appendItem?.(item);
      if (!s || text === undefined) return false;
      const done = asList(text, call.ctx.value(s.prop));
      return done ?? this.setProp(call, s.prop, `[${text}]`);
    }
    if (!call.l1) return false;
    let target = get(call.resource.properties, String(path[0]));
    for (const k of path.slice(1)) target = get(target, String(k));
    if (target && !isSeq(target)) return false;
    return this.setL1(call, path, [...(isSeq(target) ? (target.items.map(plainOf) as FixValue[]) : []), item]);
  }
}

/** Where `target` sits under `root` (keys and list indexes), or undefined when it is not there. */
function pathTo(root: Node, target: Node): Path | undefined {
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

/** Two parts of one fix editing the same text cannot both be applied: such a fix is not offered. */
function overlapping(edits: Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1],
      b = sorted[i];
    if (b.start < a.end) return true;
  }
  return false;
}

function plainOf(n: Node): FixValue | undefined {
  if (isScalar(n)) return n.value;
  return scalarString(n);
}

function nested(keys: string[], expr: string): string {
  return keys.reduceRight((inner, k, i) => (i === keys.length - 1 ? `{ ${k}: ${inner} }` : `{ ${k}: ${inner} }`), expr);
}

/** A statement that only denies requests made without TLS (`aws:SecureTransport` false). */
function isTlsDeny(v: FixValue | undefined): boolean {
  if (!isPlainValue(v) || v.Effect !== 'Deny') return false;
  const cond = v.Condition;
  const bool = isPlainValue(cond) ? cond.Bool : undefined;
  return (
    isPlainValue(cond) &&
    Object.keys(cond).length === 1 &&
    isPlainValue(bool) &&
    Object.keys(bool).length === 1 &&
    String(bool['aws:SecureTransport']) === 'false'
  );
}

function isPlainValue(v: FixValue | undefined): v is { [key: string]: FixValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function contains(root: Node | undefined, target: Node): boolean {
  if (!root) return false;
  if (root === target) return true;
  if (isMap(root)) return root.entries.some(e => contains(e.value, target));
  if (isSeq(root)) return root.items.some(i => contains(i, target));
  return false;
}

/** A FixValue as a TypeScript literal with L1 camelCase keys. Intrinsics (`{Ref: X}`) have no literal: no fix. */
function literal(
  v: FixValue,
  indent: string,
  call: ConstructCall,
  parent: string | undefined,
  w: TsWriter,
): string | undefined {
  if (v === null || typeof v !== 'object')
    return typeof v === 'string' ? `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(v);
  if (Array.isArray(v)) {
    const items = v.map(x => literal(x, indent, call, parent, w));
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
    const inner = literal(v[k], indent, call, k, w);
    if (inner === undefined) return undefined;
    parts.push(`${name}: ${inner}`);
  }
  return parts.length ? `{ ${parts.join(', ')} }` : '{}';
}
