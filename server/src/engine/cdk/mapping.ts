import { ABSENT, Cfn, CfnOrAbsent, leaves, Opaque, Path, samePlain } from './cfn-value';
import { durationDays, enumMember, TsValue } from './values';

/** What a mapping may ask about the construct call being read. */
export interface SpecCtx {
  /** The value written for a (dotted) prop, or undefined when it is not written. */
  value(prop: string): TsValue | undefined;
  has(prop: string): boolean;
  /** A CDK feature flag from the project's cdk.json; undefined when there is no cdk.json or it is not set there. */
  flag(name: string): boolean | undefined;
  /** Whether a cdk.json was found (flags not listed there take the library's default). */
  hasProjectConfig: boolean;
  /** The props object has a spread (or computed keys): a prop not written may still be set. */
  spread: boolean;
}

export interface Leaf {
  path: Path;
  value: unknown;
}

/**
 * One L2 prop ↔ CloudFormation property. `toCfn` builds the model; `fix` turns wanted CloudFormation values back into the
 * prop's TypeScript. Fix text names CDK exports as `@{module:Export}` (rendered through the file's own imports).
 */
export interface PropSpec {
  /** The prop, dotted for nested objects (`defaultBehavior.viewerProtocolPolicy`). */
  prop: string;
  /** Where it lands under `Properties`. */
  cfn: Path;
  toCfn(v: TsValue, c: SpecCtx): CfnOrAbsent;
  /** CDK's own default when the prop is not written (undefined: none; ABSENT: CloudFormation's default applies). */
  default?(c: SpecCtx): CfnOrAbsent;
  fix?(want: Leaf[], c: SpecCtx): string | undefined;
  /** For list props: the TypeScript of one more item. */
  appendItem?(item: unknown): string | undefined;
}

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

/** CloudFormation's DeletionPolicy / UpdateReplacePolicy for each `RemovalPolicy` member (as CfnResource.applyRemovalPolicy writes them). */
export const REMOVAL_POLICIES: Record<string, { DeletionPolicy: string; UpdateReplacePolicy: string }> = {
  DESTROY: { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' },
  RETAIN: { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' },
  SNAPSHOT: { DeletionPolicy: 'Snapshot', UpdateReplacePolicy: 'Snapshot' },
  RETAIN_ON_UPDATE_OR_DELETE: { DeletionPolicy: 'RetainExceptOnCreate', UpdateReplacePolicy: 'Retain' },
};

export interface ConstructSpec {
  module: string;
  classes: string[];
  type: string;
  props: PropSpec[];
  /** CloudFormation values the construct always writes (a trail's `IsLogging: true`). */
  constants?: { [key: string]: Cfn };
  /** The `removalPolicy` prop's default (a `RemovalPolicy` member); undefined: the construct has no such prop. */
  removalDefault?: keyof typeof REMOVAL_POLICIES;
  companions?(c: SpecCtx, logicalId: string): Companion[];
}

export const opaqueOf = (v: TsValue): Opaque => new Opaque(v.node.getText());

function literal(v: TsValue, type: 'boolean' | 'number' | 'string'): CfnOrAbsent {
  if (v.kind === 'absent') return ABSENT;
  return v.kind === 'literal' && typeof v.value === type ? v.value : opaqueOf(v);
}

const single = (want: Leaf[]) => (want.length === 1 && want[0].path.length === 0 ? want[0].value : undefined);

export function bool(prop: string, cfn: Path, def?: (c: SpecCtx) => CfnOrAbsent): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => literal(v, 'boolean'),
    default: def,
    fix: want => (typeof single(want) === 'boolean' ? String(single(want)) : undefined),
  };
}

export function num(prop: string, cfn: Path, def?: (c: SpecCtx) => CfnOrAbsent): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => literal(v, 'number'),
    default: def,
    fix: want => (typeof single(want) === 'number' ? String(single(want)) : undefined),
  };
}

export function str(prop: string, cfn: Path): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => literal(v, 'string'),
    fix: want => (typeof single(want) === 'string' ? JSON.stringify(single(want)).replace(/^"|"$/g, "'") : undefined),
  };
}

/**
 * Present but not statically meaningful (a key, a bucket, a role): rules see an unknown value, never a default. A
 * construct made in this file becomes `{Ref: id}`, so rules can follow it (the access-log bucket, the trail's bucket).
 */
export function opaque(prop: string, cfn: Path): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => (v.kind === 'absent' ? ABSENT : v.kind === 'construct' ? { Ref: v.name } : opaqueOf(v)),
  };
}

export function stringList(prop: string, cfn: Path): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      if (v.kind !== 'array' || v.spread) return opaqueOf(v);
      return v.items.map(i => (i.kind === 'literal' && typeof i.value === 'string' ? i.value : opaqueOf(i)));
    },
    fix: want =>
      want.every(w => typeof w.value === 'string') && want.every((w, i) => samePlain(w.path, [i]))
        ? `[${want.map(w => `'${w.value}'`).join(', ')}]`
        : undefined,
    appendItem: item => (typeof item === 'string' ? `'${item}'` : undefined),
  };
}

/** An enum prop: each member's CloudFormation value (a scalar, or an object merged at `cfn`). */
export function enumOf(
  prop: string,
  cfn: Path,
  module: string,
  type: string,
  members: Record<string, CfnOrAbsent>,
  def?: (c: SpecCtx) => CfnOrAbsent,
): PropSpec {
  return {
    prop,
    cfn,
    default: def,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const m = enumMember(v, module, type);
      return m !== undefined && m in members ? members[m] : opaqueOf(v);
    },
    fix: want => {
      for (const [member, value] of Object.entries(members)) {
        if (value === ABSENT) continue;
        const have = leaves(value);
        if (want.every(w => have.some(h => samePlain(h.path, w.path) && samePlain(h.value, w.value))))
          return `@{${module}:${type}}.${member}`;
      }
      return undefined;
    },
  };
}

/** A `Duration` prop stored as whole days. */
export function days(prop: string, cfn: Path, def?: (c: SpecCtx) => CfnOrAbsent): PropSpec {
  return {
    prop,
    cfn,
    default: def,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const d = durationDays(v);
      return d !== undefined && Number.isInteger(d) ? d : opaqueOf(v);
    },
    fix: want => (typeof single(want) === 'number' ? `@{core:Duration}.days(${single(want)})` : undefined),
  };
}

export const always = (v: CfnOrAbsent) => () => v;
