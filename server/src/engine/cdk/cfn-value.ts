import { Scalar } from '../model/node';

/** A value the builder puts into the CloudFormation model: plain JSON, or a value that cannot be known statically. */
export type Cfn = Scalar | Cfn[] | { [key: string]: Cfn } | Opaque;

/** Known to be set, but not to what (a key object, `props.x`, a function result). Rules see it as UNKNOWN. */
export class Opaque {
  constructor(readonly text: string) {}
}

/** The construct writes nothing for this property (CloudFormation's own default applies). */
export const ABSENT = Symbol('absent');
export type CfnOrAbsent = Cfn | typeof ABSENT;

export type Path = (string | number)[];

export function isPlainObject(v: unknown): v is { [key: string]: Cfn } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Opaque);
}

/** Leaves of a value with their paths: objects and arrays are walked, scalars and opaque values are leaves. */
export function leaves(v: unknown, base: Path = []): { path: Path; value: unknown }[] {
  if (isPlainObject(v)) {
    const keys = Object.keys(v);
    return keys.length ? keys.flatMap(k => leaves(v[k], [...base, k])) : [{ path: base, value: v }];
  }
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => leaves(x, [...base, i])) : [{ path: base, value: v }];
  return [{ path: base, value: v }];
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => p === path[i]);
}

export function samePlain(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
