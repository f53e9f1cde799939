/**
 * The value a quick fix writes for a prop, in CDK's terms rather than in one language's syntax: each front-end
 * renders it (TypeScript: `s3.BucketEncryption.KMS`, `{ pointInTimeRecoveryEnabled: true }`; Python would write
 * `s3.BucketEncryption.KMS`, `point_in_time_recovery_enabled=True`), reaching CDK exports through the file's imports.
 */
export type FixExpr =
  | { kind: 'literal'; value: string | number | boolean }
  /** A CDK export or a member of one: `BucketEncryption.KMS` in `aws-s3`. */
  | { kind: 'ref'; module: string; path: string[] }
  /** A static method of a CDK export: `Duration.days(7)` in `core`. */
  | { kind: 'call'; module: string; path: string[]; args: FixExpr[] }
  /** A props object (a struct): keys are CDK prop names. */
  | { kind: 'struct'; entries: [string, FixExpr][] }
  | { kind: 'list'; items: FixExpr[] };

export const lit = (value: string | number | boolean): FixExpr => ({ kind: 'literal', value });

/** `member('aws-s3', 'BucketEncryption', 'KMS')` → `s3.BucketEncryption.KMS`. */
export const member = (module: string, ...path: string[]): FixExpr => ({ kind: 'ref', module, path });

/** `invoke('core', ['Duration', 'days'], lit(7))` → `cdk.Duration.days(7)`. */
export const invoke = (module: string, path: string[], ...args: FixExpr[]): FixExpr => ({
  kind: 'call',
  module,
  path,
  args,
});

export const struct = (entries: Record<string, FixExpr>): FixExpr => ({
  kind: 'struct',
  entries: Object.entries(entries),
});

export const list = (items: FixExpr[]): FixExpr => ({ kind: 'list', items });

/** `Duration.days(n)`. */
export const durationOfDays = (n: number): FixExpr => invoke('core', ['Duration', 'days'], lit(n));
