/** The usual kinds of prop: booleans, numbers, strings, enums, durations, lists, and values rules cannot judge. */
import { ABSENT, CfnOrAbsent, leaves, Path, samePlain } from '../cfn-value';
import { CdkValue, durationDays, enumMember, isFalse, isTrue, literalOr, opaqueOf } from '../cdk-value';
import { durationOfDays, list, lit, member } from './fix-expr';
import { Leaf, PropSpec, SpecCtx } from './types';

type Default = (c: SpecCtx) => CfnOrAbsent;

/** A default that does not depend on anything else written. */
export const always = (v: CfnOrAbsent) => () => v;

/** The one wanted value when it is the prop's own (no path below it). */
const single = (want: Leaf[]) => (want.length === 1 && want[0].path.length === 0 ? want[0].value : undefined);

const scalar = (v: CdkValue, type: 'boolean' | 'number' | 'string'): CfnOrAbsent =>
  v.kind === 'absent' ? ABSENT : literalOr(v, type);

export function bool(prop: string, cfn: Path, def?: Default, note?: string): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => scalar(v, 'boolean'),
    default: def,
    note,
    fix: want => (typeof single(want) === 'boolean' ? lit(single(want) as boolean) : undefined),
  };
}

export function num(prop: string, cfn: Path, def?: Default, note?: string): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => scalar(v, 'number'),
    default: def,
    note,
    fix: want => (typeof single(want) === 'number' ? lit(single(want) as number) : undefined),
  };
}

export function str(prop: string, cfn: Path): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => scalar(v, 'string'),
    fix: want => (typeof single(want) === 'string' ? lit(single(want) as string) : undefined),
  };
}

/**
 * A boolean prop that writes `value` when true and nothing when false: `versioned: true` → `Status: Enabled`. The fix
 * writes `true` for exactly that value.
 */
export function whenTrue(prop: string, cfn: Path, value: string, def?: Default, note?: string): PropSpec {
  return {
    prop,
    cfn,
    toCfn: v => (isTrue(v) ? value : isFalse(v) || v.kind === 'absent' ? ABSENT : opaqueOf(v)),
    default: def,
    note,
    fix: want => (want.length === 1 && want[0].value === value ? lit(true) : undefined),
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
      return v.items.map(i => literalOr(i, 'string'));
    },
    fix: want =>
      want.every(w => typeof w.value === 'string') && want.every((w, i) => samePlain(w.path, [i]))
        ? list(want.map(w => lit(w.value as string)))
        : undefined,
    appendItem: item => (typeof item === 'string' ? lit(item) : undefined),
  };
}

/** An enum prop: each member's CloudFormation value (a scalar, or an object merged at `cfn`). */
export function enumOf(
  prop: string,
  cfn: Path,
  enumRef: [module: string, type: string],
  members: Record<string, CfnOrAbsent>,
  def?: Default,
  note?: string,
): PropSpec {
  const [module, type] = enumRef;
  return {
    prop,
    cfn,
    default: def,
    note,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const m = enumMember(v, module, type);
      return m !== undefined && m in members ? members[m] : opaqueOf(v);
    },
    fix: want => {
      for (const [name, value] of Object.entries(members)) {
        if (value === ABSENT) continue;
        const have = leaves(value);
        if (want.every(w => have.some(h => samePlain(h.path, w.path) && samePlain(h.value, w.value))))
          return member(module, type, name);
      }
      return undefined;
    },
  };
}

/** A `Duration` prop stored as whole days. */
export function days(prop: string, cfn: Path, def?: Default, note?: string): PropSpec {
  return {
    prop,
    cfn,
    default: def,
    note,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const d = durationDays(v);
      return d !== undefined && Number.isInteger(d) ? d : opaqueOf(v);
    },
    fix: want => (typeof single(want) === 'number' ? durationOfDays(single(want) as number) : undefined),
  };
}
