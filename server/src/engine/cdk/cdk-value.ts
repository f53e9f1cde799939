/**
 * A value as written in a CDK app, read without running it and named the way CDK (jsii) names things: props and
 * methods in camelCase (`enforceSSL`, `Duration.days`), enum members as declared (`BucketEncryption.KMS`). A front-end
 * produces these from its own syntax (TypeScript: ts-values.ts); the specs and the model builder read only these.
 */
import { Opaque } from './cfn-value';

/** Where a value is written: a front-end's syntax node. Code outside the front-end reads only its text and offsets. */
export interface SourceNode {
  getText(): string;
  /** Offset of the first character (UTF-16, without leading trivia). */
  getStart(): number;
  getEnd(): number;
}

/** The node types a front-end attaches to values; TypeScript narrows them to its own (ts-values.ts `TsSyntax`). */
export interface Syntax {
  node: SourceNode;
  object: SourceNode;
  array: SourceNode;
  /** One `key: value` (or shorthand) entry of an object. */
  element: SourceNode;
  /** The key of such an entry. */
  key: SourceNode;
  /** A call that creates a construct (`new X(…)`, `lb.addListener(…)`). */
  call: SourceNode;
}

/** A reference into the CDK: module plus member path (`s3.BucketEncryption.KMS` → aws-s3, [BucketEncryption, KMS]). */
export interface CdkRef {
  /** `aws-s3`, `aws-elasticloadbalancingv2`; `core` for aws-cdk-lib itself. */
  module: string;
  path: string[];
}

/**
 * Literals, CDK enum members (`ref`), static calls (`call`: `Duration.days(7)`), `new` of a CDK class, object and array
 * literals, a construct made in the same file (`construct`, by logical ID); anything else is `unknown`.
 */
export type CdkValue<S extends Syntax = Syntax> =
  | { kind: 'literal'; value: string | number | boolean | null; node: S['node'] }
  | { kind: 'absent'; node: S['node'] }
  | { kind: 'ref'; ref: CdkRef; node: S['node'] }
  | { kind: 'call'; ref: CdkRef; args: CdkValue<S>[]; node: S['node'] }
  | { kind: 'new'; ref: CdkRef; args: CdkValue<S>[]; node: S['node'] }
  | { kind: 'object'; props: ObjProp<S>[]; spread: boolean; node: S['object'] }
  | { kind: 'array'; items: CdkValue<S>[]; spread: boolean; node: S['array'] }
  | { kind: 'construct'; name: string; node: S['node'] }
  | { kind: 'unknown'; node: S['node'] };

export interface ObjProp<S extends Syntax = Syntax> {
  /** The prop's CDK name. */
  key: string;
  /** Written as a string (`'aws:SecureTransport'`): L1 keeps such keys as they are. */
  quoted: boolean;
  element: S['element'];
  keyNode: S['key'];
  value: CdkValue<S>;
}

/** The last assignment of `key` in an object value (later ones win, as at run time). */
export function propOf<S extends Syntax>(v: CdkValue<S> | undefined, key: string): ObjProp<S> | undefined {
  if (v?.kind !== 'object') return undefined;
  for (let i = v.props.length - 1; i >= 0; i--) if (v.props[i].key === key) return v.props[i];
  return undefined;
}

/** The value of a (dotted) prop; undefined when it is not written (or written as `undefined`). */
export function valueAt<S extends Syntax>(props: CdkValue<S> | undefined, dotted: string): CdkValue<S> | undefined {
  let cur: CdkValue<S> | undefined = props;
  for (const k of dotted.split('.')) {
    cur = propOf(cur, k)?.value;
    if (!cur) return undefined;
  }
  return cur?.kind === 'absent' ? undefined : cur;
}

/** The entry that writes a (dotted) prop (for its range). */
export function elementAt<S extends Syntax>(props: CdkValue<S> | undefined, dotted: string): S['element'] | undefined {
  let cur = props;
  let el: S['element'] | undefined;
  for (const k of dotted.split('.')) {
    const p = propOf(cur, k);
    if (!p) return undefined;
    el = p.element;
    cur = p.value;
  }
  return el;
}

/** `s3.BucketEncryption.KMS` → 'KMS' when the value is that enum (module and type checked). */
export function enumMember(v: CdkValue | undefined, module: string, type: string): string | undefined {
  if (v?.kind !== 'ref' || v.ref.module !== module || v.ref.path.length !== 2 || v.ref.path[0] !== type)
    return undefined;
  return v.ref.path[1];
}

/** `Type.method(…)` of a module (`ObjectLockRetention.governance(…)`) → 'governance'; undefined otherwise. */
export function staticMethod(v: CdkValue | undefined, module: string, type: string): string | undefined {
  return v?.kind === 'call' && v.ref.module === module && v.ref.path[0] === type ? v.ref.path[1] : undefined;
}

/** `new Type(…)` of a module (`new iam.PolicyStatement(…)`). */
export function isNew(v: CdkValue | undefined, module: string, type: string): v is Extract<CdkValue, { kind: 'new' }> {
  return v?.kind === 'new' && v.ref.module === module && v.ref.path.join('.') === type;
}

const PER_DAY: Record<string, number> = {
  days: 1,
  hours: 1 / 24,
  minutes: 1 / 1440,
  seconds: 1 / 86400,
  millis: 1 / 86_400_000,
};

/** `Duration.days(7)` → 7 (days); other units converted; undefined when not a known duration. */
export function durationDays(v: CdkValue | undefined): number | undefined {
  if (v?.kind !== 'call' || v.ref.module !== 'core' || v.ref.path[0] !== 'Duration' || v.ref.path.length !== 2)
    return undefined;
  const n = v.args[0]?.kind === 'literal' && typeof v.args[0].value === 'number' ? v.args[0].value : undefined;
  if (n === undefined) return undefined;
  return PER_DAY[v.ref.path[1]] !== undefined ? n * PER_DAY[v.ref.path[1]] : undefined;
}

export function isTrue(v: CdkValue | undefined): boolean {
  return v?.kind === 'literal' && v.value === true;
}

export function isFalse(v: CdkValue | undefined): boolean {
  return v?.kind === 'literal' && v.value === false;
}

/** Known to be written, not what it is: rules see it as unknown (its text says what was written). */
export const opaqueOf = (v: CdkValue): Opaque => new Opaque(v.node.getText());

/** A literal of the given type, else the value as unknown. */
export function literalOr(v: CdkValue, type: 'boolean' | 'number' | 'string'): string | number | boolean | Opaque {
  return v.kind === 'literal' && typeof v.value === type ? (v.value as string | number | boolean) : opaqueOf(v);
}
