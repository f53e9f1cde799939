/** One construct call → its resource: props and CDK's defaults, what the construct always writes, what it creates. */
import { ABSENT, Cfn, CfnOrAbsent, leaves, Opaque } from './cfn-value';
import { CdkValue, elementAt, enumMember, propOf, Syntax } from './cdk-value';
import { ModelState, Pending, spanOf, synthetic } from './build-state';
import { addIngress } from './connections';
import { ConstructSite } from './front-end';
import { l1Node } from './l1-mapping';
import { Span } from './property-draft';
import { ConstructSpec, enforceSslCompanions, OpensSpec, SpecCtx } from './specs';

/** Adds the resource of one construct call (and the resources it creates). `text`: the file's text. */
export function addConstruct<S extends Syntax>(st: ModelState<S>, site: ConstructSite<S>, text: string) {
  const props = site.props;
  const unreadable = props !== undefined && props.kind !== 'object' && props.kind !== 'absent';
  const p = st.add(site.logicalId, site.type, site.head, site.typeSpan);
  p.unreadable = unreadable;
  const ctx = st.ctxFor(props);
  p.call = {
    call: site.call,
    propsIndex: site.propsIndex,
    props: props?.kind === 'object' ? props : undefined,
    spec: site.spec,
    l1: site.l1,
    ctx,
  };
  if (unreadable) return;
  if (site.l1) return addL1(p, props, site.l1);
  if (site.factory) {
    const called = text.slice(site.typeSpan.start, site.typeSpan.end);
    for (const [k, v] of Object.entries(site.factory.properties(called))) p.draft.set([k], v, synthetic(p.head));
    return;
  }
  if (site.spec) addSpec(st, p, site, site.spec, ctx);
}

/** L1 props map 1:1; a spread leaves the construct unchecked. */
function addL1<S extends Syntax>(p: Pending<S>, props: CdkValue<S> | undefined, l1: { module: string; cls: string }) {
  if (props?.kind === 'object' && props.spread) {
    p.unreadable = true;
    return;
  }
  const node = props ? l1Node(props, l1.module, l1.cls) : undefined;
  if (node?.kind === 'map') for (const e of node.entries) p.draft.put([e.key], e.value);
}

/** An L2 construct through its spec. What CDK writes without the source saying so points at the call (`head`). */
function addSpec<S extends Syntax>(
  st: ModelState<S>,
  p: Pending<S>,
  site: ConstructSite<S>,
  spec: ConstructSpec,
  ctx: SpecCtx,
) {
  const head = synthetic(p.head);
  if (spec.parentRef && site.parent) p.draft.set(spec.parentRef, { Ref: site.parent }, head);
  writeProps(st, p, spec, ctx);
  writeDefaults(st, p, spec, ctx, head);
  if (spec.constants) for (const [k, v] of Object.entries(spec.constants)) p.draft.set([k], v, head);
  if (spec.derived) for (const d of spec.derived(ctx)) p.draft.set(d.path, d.value, d.at ? spanOf(d.at.node) : head);
  if (spec.removalDefault) writeRemoval(st, p, spec.removalDefault, ctx, head);
  const opens = site.method?.opens ?? spec.opens;
  if (opens) openIngress(st, opens, site.parent ?? constructIn(ctx.props, opens.targetProp), ctx, head);
  if (spec.enforceSSL || spec.companions) addCompanions(st, p, spec, ctx, head);
}

/** The logical ID of the construct a prop names (`loadBalancer: alb`). */
function constructIn(props: CdkValue | undefined, prop: string): string | undefined {
  const v = propOf(props, prop)?.value;
  return v?.kind === 'construct' ? v.name : undefined;
}

/** The ingress a construct opens on its target's security group (a listener on its load balancer's). */
function openIngress<S extends Syntax>(
  st: ModelState<S>,
  opens: OpensSpec,
  target: string | undefined,
  ctx: SpecCtx,
  head: Span,
) {
  const targetSpec = target ? st.resources.get(target)?.call?.spec : undefined;
  if (!target || !targetSpec?.classes.some(c => opens.targetClasses.includes(c))) return;
  const open = opens.rule(ctx);
  if (open) addIngress(st, target, [open.rule], open.at ? spanOf(open.at.node) : head);
}

/** Explicit values, each at the prop that writes it. */
function writeProps<S extends Syntax>(st: ModelState<S>, p: Pending<S>, spec: ConstructSpec, ctx: SpecCtx) {
  for (const s of spec.props) {
    const v = ctx.value(s.prop);
    if (!v) continue;
    const out = s.toCfn(v, ctx);
    if (out === ABSENT) continue;
    const el = elementAt(ctx.props, s.prop);
    for (const c of p.draft.set(s.cfn, out, el ? spanOf(el) : p.head))
      st.origins.set(c.node, { logicalId: p.logicalId, spec: s, path: c.path.slice(s.cfn.length) });
  }
}

/** CDK's defaults for props not written, at the call (synthetic). Behind a spread, any prop may be set: unknown. */
function writeDefaults<S extends Syntax>(
  st: ModelState<S>,
  p: Pending<S>,
  spec: ConstructSpec,
  ctx: SpecCtx,
  head: Span,
) {
  for (const s of spec.props) {
    if (ctx.value(s.prop) || (!s.default && !ctx.spread)) continue;
    const direct = propOf(ctx.props, s.prop.split('.')[0]);
    if (s.prop.includes('.') && direct && direct.value.kind !== 'object') continue; // the parent object is unknown
    const def: CfnOrAbsent = ctx.spread || !s.default ? new Opaque('may be set by a spread') : s.default(ctx);
    if (def === ABSENT) continue;
    for (const leaf of leaves(def)) {
      const path = [...s.cfn, ...leaf.path];
      if (p.draft.has(path)) continue;
      for (const c of p.draft.set(path, leaf.value as Cfn, head))
        st.origins.set(c.node, { logicalId: p.logicalId, spec: s, path: c.path.slice(s.cfn.length) });
    }
  }
}

/** `removalPolicy` (or the construct's default) → DeletionPolicy and UpdateReplacePolicy. */
function writeRemoval<S extends Syntax>(st: ModelState<S>, p: Pending<S>, def: string, ctx: SpecCtx, head: Span) {
  const written = propOf(ctx.props, 'removalPolicy');
  const span: Span = written ? spanOf(written.element) : head;
  const member = written ? enumMember(written.value, 'core', 'RemovalPolicy') : ctx.spread ? undefined : def;
  st.setRemoval(p, member, written ? written.value.node.getText() : 'may be set by a spread', span);
}

/** Resources the construct creates for its props (a TLS-only policy for `enforceSSL`, a trail's bucket…). */
function addCompanions<S extends Syntax>(
  st: ModelState<S>,
  p: Pending<S>,
  spec: ConstructSpec,
  ctx: SpecCtx,
  head: Span,
) {
  const made = [
    ...(spec.enforceSSL ? enforceSslCompanions(spec.enforceSSL, ctx, p.logicalId) : []),
    ...(spec.companions ?? []).flatMap(c => c.make(ctx, p.logicalId)),
  ];
  for (const comp of made) {
    const el = comp.prop ? propOf(ctx.props, comp.prop)?.element : undefined;
    const span = el ? spanOf(el) : head;
    const cp = st.add(st.uniqueId(`${p.logicalId}${comp.suffix}`), comp.type, span, span, p.logicalId);
    for (const [k, v] of Object.entries(comp.properties)) cp.draft.set([k], v, span);
    if (comp.refFrom && !p.draft.has(comp.refFrom)) p.draft.set(comp.refFrom, { Ref: cp.logicalId }, head);
    if (p.call) cp.call = { ...p.call, owner: { logicalId: p.logicalId, companion: comp } };
  }
}
