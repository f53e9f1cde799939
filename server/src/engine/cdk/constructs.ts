import type * as TS from 'typescript';
import { MapNode, Node, ScalarNode } from '../model/node';
import { Resource, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { ABSENT, Cfn, CfnOrAbsent, leaves, Opaque, Path } from './cfn-value';
import { opaqueNode, PropertyDraft, Span } from './draft';
import { readImports, resolveRef } from './imports';
import { l1Node, l1Type } from './l1';
import { ConstructSpec, opaqueOf, REMOVAL_POLICIES, SpecCtx } from './mapping';
import { CdkModel, ConstructCall } from './model';
import { ParsedSource } from './parse';
import { backupRuleItem, constructSpec, flowTraffic, listenerPort, PLAN_FACTORY_RULES } from './table';
import { collectConsts, enumMember, evaluate, propOf, TsValue, ValueEnv } from './values';
import { ingressFromCall } from './network';
import { resourcePolicyStatement } from './policy';

export interface ProjectConfig {
  found: boolean;
  flags: Record<string, unknown>;
}

interface Pending {
  logicalId: string;
  type: string;
  head: Span;
  typeSpan: Span;
  draft: PropertyDraft;
  /** DeletionPolicy / UpdateReplacePolicy, from `removalPolicy` (or its default) or `applyRemovalPolicy(…)`. */
  attributes: Map<string, Node>;
  call?: ConstructCall;
  /** Listed in symbols but not checked: its props cannot be read (a variable from elsewhere, a spread of unknowns). */
  unreadable?: boolean;
  origin?: string;
}

/** Builds the shared resource model from a parsed CDK file. Nothing is executed; unknown values stay unknown. */
export function buildModel(uri: string, text: string, parsed: ParsedSource, project: ProjectConfig): CdkModel {
  const { ts, file } = parsed;
  const imports = readImports(ts, file);
  const consts = collectConsts(ts, file);
  const bindings = new Map<string, string>(); // variable / this.x → logical ID
  const env: ValueEnv = {
    ts,
    file,
    imports,
    consts,
    constructName: e => {
      if (ts.isIdentifier(e)) return bindings.get(e.text);
      if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword)
        return bindings.get(`this.${e.name.text}`);
      return undefined;
    },
  };
  const pending = new Map<string, Pending>();
  const model: CdkModel = {
    template: undefined as unknown as Template,
    parsed,
    imports,
    env,
    calls: new Map(),
    origins: new Map(),
    attributes: new Map(),
    removalCalls: new Set(),
    unreadable: [],
  };
  const uniqueId = (id: string) => {
    let n = id,
      i = 2;
    while (pending.has(n)) n = `${id}${i++}`;
    return n;
  };
  const headOf = (call: TS.NewExpression | TS.CallExpression, idArg: number): Span => {
    const arg = call.arguments?.[idArg];
    return { start: call.getStart(file), end: arg ? arg.getEnd() : call.expression.getEnd() };
  };
  const idOf = (call: TS.NewExpression | TS.CallExpression, idArg: number, fallback: string) => {
    const a = call.arguments?.[idArg];
    const v = a ? evaluate(env, a) : undefined;
    return uniqueId(
      v?.kind === 'literal' && typeof v.value === 'string'
        ? v.value
        : `${fallback}@${file.getLineAndCharacterOfPosition(call.getStart(file)).line + 1}`,
    );
  };
  const bind = (call: TS.Node, logicalId: string) => {
    const p = call.parent;
    if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) bindings.set(p.name.text, logicalId);
    else if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) bindings.set(`this.${p.name.text}`, logicalId);
    else if (
      ts.isBinaryExpression(p) &&
      p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(p.left) &&
      p.left.expression.kind === ts.SyntaxKind.ThisKeyword
    )
      bindings.set(`this.${p.left.name.text}`, logicalId);
  };

  // Pass 1: every construct call gets a logical ID and its variable binding (props may refer to later constructs).
  type Creation = {
    call: TS.NewExpression | TS.CallExpression;
    logicalId: string;
    kind: 'l2' | 'l1' | 'listener' | 'flowlog' | 'selection' | 'plan';
    spec?: ConstructSpec;
    module: string;
    cls: string;
    owner?: string;
  };
  const creations: Creation[] = [];
  const visit = (n: TS.Node) => {
    if (ts.isNewExpression(n)) {
      const ref = resolveRef(ts, imports, n.expression);
      if (ref && ref.path.length === 1) {
        const cls = ref.path[0];
        const spec = constructSpec(ref.module, cls);
        const isL1 = !spec && ref.module !== 'core' && l1Type(ref.module, cls) !== undefined;
        if (spec || isL1) {
          const logicalId = idOf(n, 1, cls);
          pending.set(logicalId, undefined as unknown as Pending);
          bind(n, logicalId);
          creations.push({ call: n, logicalId, kind: spec ? 'l2' : 'l1', spec, module: ref.module, cls });
        }
      }
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const method = n.expression.name.text;
      const target = env.constructName(n.expression.expression);
      const targetCreation = target ? creations.find(c => c.logicalId === target) : undefined;
      const kind =
        method === 'addListener' && targetCreation && /LoadBalancer$/.test(targetCreation.cls)
          ? 'listener'
          : method === 'addFlowLog' && targetCreation?.cls === 'Vpc'
            ? 'flowlog'
            : method === 'addSelection' && targetCreation?.cls === 'BackupPlan'
              ? 'selection'
              : undefined;
      const ref = kind ? undefined : resolveRef(ts, imports, n.expression);
      const isPlanFactory =
        ref?.module === 'aws-backup' &&
        ref.path.length === 2 &&
        ref.path[0] === 'BackupPlan' &&
        /Retention$/.test(ref.path[1]);
      if (kind || isPlanFactory) {
        const cls =
          kind === 'listener'
            ? targetCreation!.cls === 'NetworkLoadBalancer'
              ? 'NetworkListener'
              : 'ApplicationListener'
            : kind === 'flowlog'
              ? 'FlowLog'
              : kind === 'selection'
                ? 'BackupSelection'
                : 'BackupPlan';
        const logicalId = idOf(n, kind ? 0 : 1, cls);
        pending.set(logicalId, undefined as unknown as Pending);
        bind(n, logicalId);
        creations.push({
          call: n,
          logicalId,
          kind: kind ?? 'plan',
          module: kind === 'listener' ? 'aws-elasticloadbalancingv2' : kind === 'flowlog' ? 'aws-ec2' : 'aws-backup',
          cls,
          owner: target,
          spec: kind === 'listener' ? constructSpec('aws-elasticloadbalancingv2', cls) : undefined,
        });
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  pending.clear();

  const flag = (name: string) => {
    const v = project.flags[name];
    return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
  };
  const ctxFor = (props: TsValue | undefined): SpecCtx => {
    const value = (prop: string) => {
      let cur: TsValue | undefined = props;
      for (const k of prop.split('.')) {
        cur = propOf(cur, k)?.value;
        if (!cur) return undefined;
      }
      return cur?.kind === 'absent' ? undefined : cur;
    };
    return {
      value,
      has: p => value(p) !== undefined,
      flag,
      hasProjectConfig: project.found,
      spread: props?.kind === 'object' && props.spread,
    };
  };
  const add = (p: Pending) => {
    pending.set(p.logicalId, p);
    return p;
  };
  const implicitGroups = new Map<string, Pending>();
  /** The security group CDK creates for a construct without one of its own (`connections`, a load balancer). */
  const groupOf = (logicalId: string): Pending | undefined => {
    const owner = pending.get(logicalId);
    if (!owner) return undefined;
    if (owner.type === 'AWS::EC2::SecurityGroup') return owner;
    const explicit = owner.call?.props ? propOf(owner.call.props, 'securityGroup')?.value : undefined;
    if (explicit?.kind === 'construct' && pending.get(explicit.name)?.type === 'AWS::EC2::SecurityGroup')
      return pending.get(explicit.name);
    if (explicit) return undefined; // a group we cannot see
    let g = implicitGroups.get(logicalId);
    if (!g) {
      const head = { ...owner.head, synthetic: true };
      g = add({
        logicalId: uniqueId(`${logicalId}SecurityGroup`),
        type: 'AWS::EC2::SecurityGroup',
        head,
        typeSpan: head,
        draft: new PropertyDraft(),
        attributes: new Map(),
        origin: logicalId,
      });
      g.draft.set(['GroupDescription'], new Opaque('generated'), head);
      g.draft.set(['VpcId'], new Opaque('vpc'), head);
      implicitGroups.set(logicalId, g);
    }
    return g;
  };

  // Pass 2: properties.
  for (const c of creations) {
    const head = headOf(c.call, c.kind === 'l2' || c.kind === 'l1' || c.kind === 'plan' ? 1 : 0);
    const propsIndex = c.kind === 'l2' || c.kind === 'l1' ? 2 : c.kind === 'plan' ? -1 : 1;
    const propsExpr = propsIndex >= 0 ? c.call.arguments?.[propsIndex] : undefined;
    const props = propsExpr ? evaluate(env, propsExpr) : undefined;
    const unreadable = props !== undefined && props.kind !== 'object' && props.kind !== 'absent';
    const type =
      c.kind === 'l1'
        ? l1Type(c.module, c.cls)!
        : (c.spec?.type ??
          (c.kind === 'flowlog'
            ? 'AWS::EC2::FlowLog'
            : c.kind === 'selection'
              ? 'AWS::Backup::BackupSelection'
              : 'AWS::Backup::BackupPlan'));
    const typeSpan = {
      start: (ts.isNewExpression(c.call) ? c.call.expression : c.call.expression).getStart(file),
      end: c.call.expression.getEnd(),
    };
    const p = add({
      logicalId: c.logicalId,
      type,
      head,
      typeSpan,
      draft: new PropertyDraft(),
      attributes: new Map(),
      unreadable,
    });
    const ctx = ctxFor(props?.kind === 'object' ? props : undefined);
    p.call = {
      resource: undefined as unknown as Resource,
      call: c.call,
      propsIndex,
      props: props?.kind === 'object' ? props : undefined,
      spec: c.spec,
      l1: c.kind === 'l1' ? { module: c.module, cls: c.cls } : undefined,
      ctx,
    };
    if (unreadable) continue;
    if (c.kind === 'l1') {
      if (props?.kind === 'object' && props.spread) {
        p.unreadable = true;
        continue;
      }
      const node = props ? l1Node(props, file, c.module, c.cls) : undefined;
      if (node?.kind === 'map') for (const e of node.entries) p.draft.put([e.key], e.value);
      continue;
    }
    if (c.kind === 'flowlog') {
      p.draft.set(['ResourceId'], { Ref: c.owner! }, { ...head, synthetic: true });
      p.draft.set(['ResourceType'], 'VPC', { ...head, synthetic: true });
      p.draft.set(
        ['TrafficType'],
        flowTraffic(props),
        props ? { start: props.node.getStart(file), end: props.node.getEnd() } : { ...head, synthetic: true },
      );
      continue;
    }
    if (c.kind === 'selection') {
      p.draft.set(['BackupPlanId'], { Ref: c.owner! }, { ...head, synthetic: true });
      p.draft.set(['BackupSelection'], props ? opaqueOf(props) : new Opaque('selection'), { ...head, synthetic: true });
      continue;
    }
    if (c.kind === 'plan') {
      const factory = c.call.expression.getText(file).split('.').pop() ?? '';
      const n = PLAN_FACTORY_RULES[factory];
      const rule = { RuleName: new Opaque('rule name'), TargetBackupVault: new Opaque('vault') };
      p.draft.set(
        ['BackupPlan', 'BackupPlanRule'],
        n ? Array.from({ length: n }, () => rule) : new Opaque(c.call.expression.getText(file)),
        { ...head, synthetic: true },
      );
      continue;
    }
    applySpec(c.spec!, p, props?.kind === 'object' ? props : undefined, ctx, model, file);
    const spread = props?.kind === 'object' && props.spread;
    for (const [k, v] of Object.entries(c.spec!.constants ?? {})) p.draft.set([k], v, { ...head, synthetic: true });
    if (c.spec!.removalDefault) {
      const written = propOf(props, 'removalPolicy');
      const span = written
        ? { start: written.element.getStart(file), end: written.element.getEnd() }
        : { ...head, synthetic: true };
      const member = written
        ? enumMember(written.value, 'core', 'RemovalPolicy')
        : spread
          ? undefined
          : c.spec!.removalDefault;
      setRemoval(p, member, written ? written.value.node.getText(file) : 'may be set by a spread', span, model);
    }
    if (c.kind === 'listener' || c.spec?.classes.includes('ApplicationListener')) {
      const lb =
        c.owner ??
        (propOf(props, 'loadBalancer')?.value.kind === 'construct'
          ? (propOf(props, 'loadBalancer')!.value as { name: string }).name
          : undefined);
      const open = propOf(props, 'open')?.value;
      if (
        lb &&
        pending.get(lb)?.call?.spec?.classes.includes('ApplicationLoadBalancer') &&
        !(open?.kind === 'literal' && open.value === false)
      ) {
        const sg = groupOf(lb);
        const port = listenerPort(ctx);
        const span = open ? { start: open.node.getStart(file), end: open.node.getEnd() } : { ...head, synthetic: true };
        const fromPort: Cfn = open && open.kind !== 'literal' ? opaqueOf(open) : (port ?? new Opaque('port'));
        sg?.draft.append(
          ['SecurityGroupIngress'],
          {
            CidrIp: '0.0.0.0/0',
            Description: 'Allow from anyone',
            FromPort: fromPort,
            IpProtocol: 'tcp',
            ToPort: fromPort,
          },
          span,
        );
      }
    }
    for (const comp of c.spec!.companions?.(ctx, c.logicalId) ?? []) {
      const el = comp.prop ? propOf(props, comp.prop)?.element : undefined;
      const span = el ? { start: el.getStart(file), end: el.getEnd() } : { ...head, synthetic: true };
      const cp = add({
        logicalId: uniqueId(`${c.logicalId}${comp.suffix}`),
        type: comp.type,
        head: span,
        typeSpan: span,
        draft: new PropertyDraft(),
        attributes: new Map(),
        origin: c.logicalId,
      });
      for (const [k, v] of Object.entries(comp.properties)) cp.draft.set([k], v, span);
      if (comp.refFrom && !p.draft.has(comp.refFrom))
        p.draft.set(comp.refFrom, { Ref: cp.logicalId }, { ...head, synthetic: true });
      cp.call = {
        ...p.call,
        resource: undefined as unknown as Resource,
        owner: { logicalId: c.logicalId, companion: comp },
      };
    }
  }

  // Pass 3: ingress rules added by method calls (`sg.addIngressRule(…)`, `x.connections.allowFrom…(…)`).
  const visitCalls = (n: TS.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const found = ingressFromCall(env, n);
      if (found) {
        const sg = groupOf(found.target);
        if (sg)
          for (const rule of found.rules)
            sg.draft.append(['SecurityGroupIngress'], rule, { start: n.getStart(file), end: n.getEnd() });
      }
      const method = n.expression.name.text;
      const target = env.constructName(n.expression.expression);
      const owner = target ? pending.get(target) : undefined;
      const span = { start: n.getStart(file), end: n.getEnd() };
      if (owner && method === 'applyRemovalPolicy' && n.arguments.length >= 1) {
        // Replaces what the props (or the default) said; an unknown argument makes both attributes unknown.
        const arg = evaluate(env, n.arguments[0]);
        owner.attributes.clear();
        setRemoval(owner, enumMember(arg, 'core', 'RemovalPolicy'), n.arguments[0].getText(file), span, model);
        if (owner.call) model.removalCalls.add(owner.logicalId);
      } else if (owner?.type === 'AWS::Backup::BackupPlan' && method === 'addRule' && n.arguments.length >= 1) {
        // Appends to a known list of rules; rules that are already unknown stay unknown.
        owner.draft.append(['BackupPlan', 'BackupPlanRule'], backupRuleItem(evaluate(env, n.arguments[0])), span);
      } else if (owner?.type === 'AWS::S3::Bucket' && method === 'addToResourcePolicy' && n.arguments.length >= 1) {
        const statement = resourcePolicyStatement(env, n.arguments[0], owner.logicalId);
        const policyId = `${owner.logicalId}Policy`;
        let policy = pending.get(policyId);
        if (policy && policy.origin !== owner.logicalId) policy = undefined;
        if (!policy) {
          policy = add({
            logicalId: uniqueId(policyId),
            type: 'AWS::S3::BucketPolicy',
            head: span,
            typeSpan: span,
            draft: new PropertyDraft(),
            attributes: new Map(),
            origin: owner.logicalId,
          });
          policy.draft.set(['Bucket'], { Ref: owner.logicalId }, span);
          policy.draft.set(['PolicyDocument', 'Version'], '2012-10-17', span);
        }
        policy.draft.append(['PolicyDocument', 'Statement'], statement, span);
      }
    }
    ts.forEachChild(n, visitCalls);
  };
  visitCalls(file);

  const lines = new LineIndex(text);
  const resources: Resource[] = [];
  const symbolsOnly: Resource[] = [];
  for (const p of pending.values()) {
    const properties = p.draft.toNode(p.head);
    const typeNode: ScalarNode = { kind: 'scalar', value: p.type, start: p.typeSpan.start, end: p.typeSpan.end };
    const node: MapNode = {
      kind: 'map',
      flow: true,
      start: p.head.start,
      end: p.head.end,
      entries: [
        { key: 'Type', keyStart: typeNode.start, keyEnd: typeNode.end, value: typeNode },
        { key: 'Properties', keyStart: properties.start, keyEnd: properties.end, value: properties },
        ...[...p.attributes].map(([key, value]) => ({ key, keyStart: value.start, keyEnd: value.end, value })),
      ],
    };
    const r: Resource = {
      logicalId: p.logicalId,
      type: p.type,
      idStart: p.head.start,
      idEnd: p.head.end,
      node,
      typeNode,
      properties,
      origin: p.origin,
    };
    if (p.call) {
      p.call.resource = r;
      model.calls.set(p.logicalId, p.call);
    }
    (p.unreadable ? symbolsOnly : resources).push(r);
  }
  const root: MapNode = { kind: 'map', flow: true, start: 0, end: text.length, entries: [] };
  model.template = {
    uri,
    text,
    format: 'typescript',
    lines,
    root,
    resources,
    byId: new Map(resources.map(r => [r.logicalId, r])),
    parameters: new Map(),
    conditions: new Map(),
    transforms: [],
    usesShortTags: false,
  };
  model.unreadable = symbolsOnly;
  return model;
}

/** Writes an L2 construct's props (explicit values at their assignment, then CDK's defaults at the call). */
function applySpec(
  spec: ConstructSpec,
  p: Pending,
  props: TsValue | undefined,
  ctx: SpecCtx,
  model: CdkModel,
  file: TS.SourceFile,
) {
  const spread = props?.kind === 'object' && props.spread;
  const record = (created: { path: Path; node: Node }[], specIndex: number) => {
    for (const c of created)
      model.origins.set(c.node, {
        logicalId: p.logicalId,
        spec: spec.props[specIndex],
        path: c.path.slice(spec.props[specIndex].cfn.length),
      });
  };
  spec.props.forEach((s, i) => {
    const v = ctx.value(s.prop);
    if (!v) return;
    const out = s.toCfn(v, ctx);
    if (out === ABSENT) return;
    const el = propElement(props, s.prop);
    record(p.draft.set(s.cfn, out, el ? { start: el.getStart(file), end: el.getEnd() } : p.head), i);
  });
  spec.props.forEach((s, i) => {
    // Behind a spread, any prop may be set: unknown, whether or not CDK has a default for it.
    if (ctx.value(s.prop) || (!s.default && !spread)) return;
    const direct = propOf(props, s.prop.split('.')[0]);
    if (s.prop.includes('.') && direct && direct.value.kind !== 'object') return; // the parent object is unknown
    const def: CfnOrAbsent = spread ? new Opaque('may be set by a spread') : s.default!(ctx);
    if (def === ABSENT) return;
    const synthetic = { ...p.head, synthetic: true };
    for (const leaf of leaves(def)) {
      const path = [...s.cfn, ...leaf.path];
      if (p.draft.has(path)) continue;
      record(p.draft.set(path, leaf.value as Cfn, synthetic), i);
    }
  });
}

/** DeletionPolicy and UpdateReplacePolicy for a `RemovalPolicy` member; both unknown when the member is not known. */
function setRemoval(p: Pending, member: string | undefined, text: string, span: Span, model: CdkModel) {
  const policies = member !== undefined ? REMOVAL_POLICIES[member] : undefined;
  for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
    const node: Node = policies
      ? { kind: 'scalar', value: policies[key], ...span }
      : opaqueNode(new Opaque(text), span);
    p.attributes.set(key, node);
    model.attributes.set(node, p.logicalId);
  }
}

function propElement(props: TsValue | undefined, dotted: string): TS.ObjectLiteralElementLike | undefined {
  let cur = props;
  let el: TS.ObjectLiteralElementLike | undefined;
  for (const k of dotted.split('.')) {
    const p = propOf(cur, k);
    if (!p) return undefined;
    el = p.element;
    cur = p.value;
  }
  return el;
}

export { opaqueNode };
