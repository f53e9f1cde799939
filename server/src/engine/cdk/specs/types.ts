/**
 * What a construct spec says: which CDK class becomes which CloudFormation resource, how each prop maps (and CDK's
 * default when it is not written), what else the construct creates, and which of its methods add or change resources.
 * Specs read only `CdkValue`s (cdk-value.ts) and name CDK things by their jsii names, so every front-end (TypeScript
 * today, Python later) shares them. docs/cdk.md's tables are generated from them (server/src/tools/cdk-doc.ts).
 */
import { Cfn, CfnOrAbsent, Path } from '../cfn-value';
import { CdkValue } from '../cdk-value';
import { FixExpr } from './fix-expr';

/** What a spec may ask about the construct call being read. */
export interface SpecCtx {
  /** The value written for a (dotted) prop, or undefined when it is not written. */
  value(prop: string): CdkValue | undefined;
  has(prop: string): boolean;
  /** A CDK feature flag from the project's cdk.json; undefined when there is no cdk.json or it is not set there. */
  flag(name: string): boolean | undefined;
  /** Whether a cdk.json was found (flags not listed there take the library's default). */
  hasProjectConfig: boolean;
  /** The props object has a spread (or computed keys): a prop not written may still be set. */
  spread: boolean;
  /** The props argument as written (any value, `undefined` included), when the call has one. */
  props: CdkValue | undefined;
}

/** One wanted CloudFormation value, at a path under the prop's own CloudFormation path. */
export interface Leaf {
  path: Path;
  value: unknown;
}

/**
 * One prop ↔ CloudFormation property. `toCfn` builds the model; `fix` turns wanted CloudFormation values back into
 * the prop's value (no fix: undefined, never a wrong one).
 */
export interface PropSpec {
  /** The prop, dotted for nested objects (`defaultBehavior.viewerProtocolPolicy`). */
  prop: string;
  /** Where it lands under `Properties`. */
  cfn: Path;
  toCfn(v: CdkValue, c: SpecCtx): CfnOrAbsent;
  /** CDK's own default when the prop is not written (undefined: none; ABSENT: CloudFormation's default applies). */
  default?(c: SpecCtx): CfnOrAbsent;
  /** For docs/cdk.md: what the default depends on, and why it is what it is. */
  note?: string;
  fix?(want: Leaf[], c: SpecCtx): FixExpr | undefined;
  /** For list props: one more item. */
  appendItem?(item: unknown): FixExpr | undefined;
}

/** A resource a construct creates for one of its props (the bucket policy of `enforceSSL`, a trail's bucket). */
export interface Companion {
  /** Appended to the construct's logical ID (`MyBucket` → `MyBucketPolicy`). */
  suffix: string;
  type: string;
  properties: { [key: string]: Cfn };
  /** The prop that creates it (its range is used); otherwise the construct call. */
  prop?: string;
  /** The prop that removes it when set to false (for fixes: `enforceSSL`). */
  switch?: string;
  /** The owner's property (under Properties) that names this resource (a trail's `S3BucketName`). */
  refFrom?: Path;
}

export interface CompanionSpec {
  /** What makes CDK create it, for docs/cdk.md (`sendToCloudWatchLogs: true`). */
  when: string;
  /** The CloudFormation types it may create, for docs/cdk.md. */
  types: string[];
  note?: string;
  make(c: SpecCtx, logicalId: string): Companion[];
}

/** A resource policy of a construct: its type and the key that names the construct (`Bucket`, `Topics`). */
export interface PolicyTarget {
  type: string;
  refKey: string;
}

/** `enforceSSL: true` adds a resource policy denying requests without TLS (`aws:SecureTransport` false). */
export interface TlsPolicySpec extends PolicyTarget {
  /** The statement's action (`s3:*`, `sns:Publish`). */
  action: string;
}

/** Ingress a construct opens on another construct's security group (an ALB listener open to the world). */
export interface OpensSpec {
  /** The prop naming the target, when the construct is not made by a method of the target (`loadBalancer`). */
  targetProp: string;
  /** Only into constructs of these classes. */
  targetClasses: string[];
  /** The ingress rule, or none; `at`: the value it comes from (its range), else the construct call. */
  rule(c: SpecCtx): { rule: Cfn; at?: CdkValue } | undefined;
  note: string;
}

/** A method that makes another construct: `lb.addListener(id, props)`, `vpc.addFlowLog(id, options)`. */
export interface ChildMethod {
  kind: 'child';
  name: string;
  /** Only on this class, when the spec covers several (`addListener` of a NetworkLoadBalancer). */
  receiver?: string;
  creates: ConstructSpec;
  /** Argument positions of the child's ID and of its props. */
  idArg: number;
  propsArg: number;
  /** Ingress the child opens besides what its own spec says. */
  opens?: OpensSpec;
}

/** A method that appends one item to a list property: `plan.addRule(rule)`. */
export interface AppendMethod {
  kind: 'append';
  name: string;
  path: Path;
  item(arg: CdkValue): Cfn;
}

/** A method that adds a statement to the construct's resource policy (created when it has none yet). */
export interface PolicyMethod {
  kind: 'policy';
  name: string;
  policy: PolicyTarget;
  statement(arg: CdkValue, ownerId: string): Cfn;
}

/** A method that adds ingress rules to the construct's own security group: `sg.addIngressRule(peer, port)`. */
export interface IngressMethod {
  kind: 'ingress';
  name: string;
  rules(args: CdkValue[]): Cfn[] | undefined;
}

export type MethodSpec = ChildMethod | AppendMethod | PolicyMethod | IngressMethod;

/** A static method that makes the construct: `BackupPlan.daily35DayRetention(scope, id)`. */
export interface FactorySpec {
  /** The method; a pattern stands for the ones not listed (a later CDK version's). */
  name: string | RegExp;
  idArg: number;
  /** What it writes (the call takes no props); `called`: the method as written (`backup.BackupPlan.daily…`). */
  properties(called: string): { [key: string]: Cfn };
  note?: string;
}

/** A property read from the props argument as a whole (a flow log's `TrafficType` from its options). */
export interface Derived {
  path: Path;
  value: Cfn;
  /** The value whose range it takes; otherwise the construct call (as a default). */
  at?: CdkValue;
}

/** CloudFormation's DeletionPolicy / UpdateReplacePolicy per `RemovalPolicy` member (as applyRemovalPolicy writes). */
export const REMOVAL_POLICIES: Record<string, { DeletionPolicy: string; UpdateReplacePolicy: string }> = {
  DESTROY: { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' },
  RETAIN: { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
  SNAPSHOT: { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' },
  RETAIN_ON_UPDATE_OR_DELETE: { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' },
};

export interface ConstructSpec {
  /** The CDK module (`aws-s3`). */
  module: string;
  /** The classes it models (`new s3.Bucket(…)`); a construct only made by a parent's method lists its class too. */
  classes: string[];
  type: string;
  props: PropSpec[];
  /** CloudFormation values the construct always writes (a trail's `IsLogging: true`). */
  constants?: { [key: string]: Cfn };
  /** Made by a parent's method: the property that names the parent (`ResourceId: {Ref: vpc}`). */
  parentRef?: Path;
  /** Properties read from the props argument as a whole. */
  derived?(c: SpecCtx): Derived[];
  /** The `removalPolicy` prop's default (a `RemovalPolicy` member); undefined: the construct has no such prop. */
  removalDefault?: keyof typeof REMOVAL_POLICIES;
  enforceSSL?: TlsPolicySpec;
  companions?: CompanionSpec[];
  opens?: OpensSpec;
  methods?: MethodSpec[];
  factories?: FactorySpec[];
  /** For docs/cdk.md: what a construct made only by a parent's method writes. */
  note?: string;
}
