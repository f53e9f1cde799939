/**
 * The TypeScript fixer: turns a format-neutral fix (in CloudFormation terms) into edits of the construct's props —
 * the L2 prop whose spec produces the wanted value, or the L1 prop 1:1. No mapping → no fix (never a wrong one).
 */
import { get, isScalar, isSeq, Node, scalarString } from '../model/node';
import { Template } from '../model/template';
import { withEol } from '../model/text';
import { Fix } from '../model/types';
import { FixSpec, FixValue } from '../fixes/spec';
import { leaves, Path, startsWith } from './cfn-value';
import { valueAt } from './cdk-value';
import { CdkModel, ConstructCall } from './model';
import { Leaf, member, PropSpec, TLS_POLICY_TYPES } from './specs';
import { Edit, SourceEdits } from './ts-fix-edits';
import { ImportRefs } from './ts-fix-imports';
import { pathTo, replaceL1, setL1 } from './ts-fix-l1';
import { touchesCut } from './ts-parse';

export function typescriptFixer(model: CdkModel): (t: Template, f: FixSpec) => Fix['edit'] | undefined {
  return (t, f) => {
    const w = new TsWriter(model);
    // One quick fix: every part (`also`) must be expressible in TypeScript, or no fix is offered.
    const ok = w.apply(f) && (f.also ?? []).every(x => w.apply(x));
    // Parts that map to the same prop (DeletionPolicy and UpdateReplacePolicy → removalPolicy) write it once.
    const all = w.out.edits;
    const edits = all.filter(
      (e, i) => all.findIndex(x => x.start === e.start && x.end === e.end && x.text === e.text) === i,
    );
    if (!ok || !edits.length || overlapping(edits)) return undefined;
    // Code nested beyond the limit was blanked for the parser: an edit there could overwrite what was never read.
    if (edits.some(e => touchesCut(model.parsed.cuts, e.start, e.end))) return undefined;
    // Expressions rendered by the specs may hold line breaks of their own: they too get the file's line ending.
    return { [t.uri]: edits.map(e => ({ range: t.lines.range(e.start, e.end), newText: withEol(e.text, w.out.nl) })) };
  };
}

class TsWriter {
  readonly out: SourceEdits;
  private readonly refs: ImportRefs;
  constructor(private readonly model: CdkModel) {
    this.out = new SourceEdits(model);
    this.refs = new ImportRefs(this.out);
  }

  apply(f: FixSpec): boolean {
    switch (f.kind) {
      case 'set':
        return this.set(f);
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
        return replaceL1(this.out, f.node, f.value);
      }
      case 'append': {
        // A TLS-only statement added to the policy of a construct that has `enforceSSL`: set that prop instead.
        const policyOwner =
          TLS_POLICY_TYPES.has(f.resource.type) &&
          isTlsDeny(f.item) &&
          f.path.join('.') === 'Properties.PolicyDocument.Statement'
            ? this.model.template.byId.get(f.resource.logicalId)?.origin
            : undefined;
        if (policyOwner) return this.enforceSsl(policyOwner);
        const call = this.model.calls.get(f.resource.logicalId);
        if (!call || call.owner || f.path[0] !== 'Properties') return false;
        return this.append(call, f.path.slice(1), f.item);
      }
      case 'addResource':
        return this.addResource(f.body);
    }
  }

  private set(f: Extract<FixSpec, { kind: 'set' }>): boolean {
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
    return call.l1 ? setL1(this.out, call, path, f.value) : this.setL2(call, leaves(f.value, path) as Leaf[]);
  }

  /** Only a policy whose one statement denies requests without TLS has an L2 idiom (`enforceSSL: true`). */
  private addResource(body: FixValue): boolean {
    if (!isPlainValue(body)) return false;
    const type = body.Type;
    const refKey = typeof type === 'string' ? TLS_POLICY_TYPES.get(type) : undefined;
    const props = body.Properties;
    const doc = isPlainValue(props) ? props.PolicyDocument : undefined;
    const statements = isPlainValue(doc) ? doc.Statement : undefined;
    if (!refKey || !Array.isArray(statements) || statements.length !== 1 || !isTlsDeny(statements[0])) return false;
    const owner = isPlainValue(props) ? props[refKey] : undefined;
    const target = Array.isArray(owner) ? owner[0] : owner;
    const id = isPlainValue(target) && typeof target.Ref === 'string' ? target.Ref : undefined;
    return !!id && this.enforceSsl(id);
  }

  private enforceSsl(constructId: string): boolean {
    const call = this.model.calls.get(constructId);
    if (!call?.spec?.enforceSSL || call.owner) return false;
    return this.out.setProp(call, 'enforceSSL', 'true');
  }

  /** DeletionPolicy / UpdateReplacePolicy → `removalPolicy: cdk.RemovalPolicy.RETAIN | SNAPSHOT` (both attributes). */
  private setRemoval(call: ConstructCall, value: FixValue): boolean {
    const m = value === 'Retain' ? 'RETAIN' : value === 'Snapshot' ? 'SNAPSHOT' : undefined;
    if (!m || !call.spec?.removalDefault || this.model.removalCalls.has(call.resource.logicalId)) return false;
    return this.out.setProp(call, 'removalPolicy', this.refs.render(member('core', 'RemovalPolicy', m)));
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
      const rest = { path: leaf.path.slice(chosen.cfn.length), value: leaf.value };
      groups.set(chosen, [...(groups.get(chosen) ?? []), rest]);
    }
    for (const [s, ls] of groups) {
      const expr = s.fix?.(ls, call.ctx);
      if (expr === undefined) return false;
      if (!this.out.setProp(call, s.prop, this.refs.render(expr))) return false;
    }
    return true;
  }

  private append(call: ConstructCall, path: Path, item: FixValue): boolean {
    if (call.spec) {
      const s = call.spec.props.find(x => x.appendItem && x.cfn.join('/') === path.join('/'));
      const expr = s?.appendItem?.(item);
      if (!s || expr === undefined) return false;
      const text = this.refs.render(expr);
      const existing = valueAt(call.props, s.prop);
      if (!existing) return this.out.setProp(call, s.prop, `[${text}]`);
      if (existing.kind !== 'array' || existing.spread) return false;
      this.out.appendItem(existing.node, text);
      return true;
    }
    if (!call.l1) return false;
    let target = get(call.resource.properties, String(path[0]));
    for (const k of path.slice(1)) target = get(target, String(k));
    if (target && !isSeq(target)) return false;
    return setL1(this.out, call, path, [...(isSeq(target) ? (target.items.map(plainOf) as FixValue[]) : []), item]);
  }
}

/** Two parts of one fix editing the same text cannot both be applied: such a fix is not offered. */
function overlapping(edits: Edit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) if (sorted[i].start < sorted[i - 1].end) return true;
  return false;
}

function plainOf(n: Node): FixValue | undefined {
  if (isScalar(n)) return n.value;
  return scalarString(n);
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
