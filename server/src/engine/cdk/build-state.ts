/** The model builder's working state: resources in the making, in the order they will be listed. */
import { Node } from '../model/node';
import { Opaque } from './cfn-value';
import { CdkValue, Syntax, valueAt } from './cdk-value';
import { ProjectConfig } from './front-end';
import { ConstructCall, Origin } from './model';
import { opaqueNode, PropertyDraft, Span } from './property-draft';
import { REMOVAL_POLICIES, SpecCtx } from './specs';

/** A resource being built: its properties collect values (each with its source range) until the model is made. */
export interface Pending<S extends Syntax> {
  logicalId: string;
  type: string;
  head: Span;
  typeSpan: Span;
  draft: PropertyDraft;
  /** DeletionPolicy / UpdateReplacePolicy, from `removalPolicy` (or its default) or `applyRemovalPolicy(…)`. */
  attributes: Map<string, Node>;
  /** The construct call it comes from (fixes edit it); a resource CDK creates for a construct shares its owner's. */
  call?: Omit<ConstructCall<S>, 'resource'>;
  /** Listed in symbols but not checked: its props cannot be read (a variable from elsewhere, a spread of unknowns). */
  unreadable?: boolean;
  /** The construct it was created for. */
  origin?: string;
}

export const synthetic = (span: Span): Span => ({ ...span, synthetic: true });

export const spanOf = (n: { getStart(): number; getEnd(): number }): Span => ({ start: n.getStart(), end: n.getEnd() });

export class ModelState<S extends Syntax> {
  /** By logical ID, in creation order. */
  readonly resources = new Map<string, Pending<S>>();
  readonly origins = new Map<Node, Origin>();
  readonly attributes = new Map<Node, string>();
  readonly removalCalls = new Set<string>();
  /** The security group CDK creates for a construct without one of its own, by the construct's logical ID. */
  readonly implicitGroups = new Map<string, Pending<S>>();

  private readonly flag: (name: string) => boolean | undefined;
  private readonly hasProjectConfig: boolean;

  constructor(project: ProjectConfig) {
    this.hasProjectConfig = project.found;
    this.flag = name => {
      const v = project.flags[name];
      return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined;
    };
  }

  /** `id`, or `id2`, `id3`… when taken by a resource made so far. */
  uniqueId(id: string): string {
    let n = id;
    for (let i = 2; this.resources.has(n); i++) n = `${id}${i}`;
    return n;
  }

  /** Adds a resource; one with the same logical ID (a companion that took a later construct's ID) is replaced. */
  add(logicalId: string, type: string, head: Span, typeSpan: Span, origin?: string): Pending<S> {
    const p: Pending<S> = {
      logicalId,
      type,
      head,
      typeSpan,
      draft: new PropertyDraft(),
      attributes: new Map(),
      call: undefined,
      unreadable: false,
      origin,
    };
    this.resources.set(logicalId, p);
    return p;
  }

  /** What specs may ask about a call whose props argument is `props`. */
  ctxFor(props: CdkValue<S> | undefined): SpecCtx {
    const object = props?.kind === 'object' ? props : undefined;
    const value = (prop: string) => valueAt(object, prop);
    return {
      value,
      has: p => value(p) !== undefined,
      flag: this.flag,
      hasProjectConfig: this.hasProjectConfig,
      spread: object !== undefined && object.spread,
      props,
    };
  }

  /** DeletionPolicy and UpdateReplacePolicy for a `RemovalPolicy` member; both unknown when it is not known. */
  setRemoval(p: Pending<S>, member: string | undefined, text: string, span: Span) {
    const policies = member !== undefined ? REMOVAL_POLICIES[member] : undefined;
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy'] as const) {
      const node: Node = policies
        ? { kind: 'scalar', value: policies[key], ...span }
        : opaqueNode(new Opaque(text), span);
      p.attributes.set(key, node);
      this.attributes.set(node, p.logicalId);
    }
  }
}
