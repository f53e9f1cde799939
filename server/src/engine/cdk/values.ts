import type * as TS from 'typescript';
import { CdkRef, Imports, resolveRef } from './imports';

/**
 * A TypeScript expression as far as it can be known without running it. Literals, same-file `const`s, CDK enum
 * members and static calls are known; anything else (parameters, `props.x`, function results) is `unknown`.
 */
export type TsValue =
  | { kind: 'literal'; value: string | number | boolean | null; node: TS.Node }
  | { kind: 'absent'; node: TS.Node }
  | { kind: 'ref'; ref: CdkRef; node: TS.Node }
  | { kind: 'call'; ref: CdkRef; args: TsValue[]; node: TS.Node }
  | { kind: 'new'; ref: CdkRef; args: TsValue[]; node: TS.Node }
  | { kind: 'object'; props: ObjProp[]; spread: boolean; node: TS.ObjectLiteralExpression }
  | { kind: 'array'; items: TsValue[]; spread: boolean; node: TS.ArrayLiteralExpression }
  | { kind: 'construct'; name: string; node: TS.Node }
  | { kind: 'unknown'; node: TS.Node };

export interface ObjProp {
  key: string;
  quoted: boolean;
  element: TS.ObjectLiteralElementLike;
  value: TsValue;
}

export interface ValueEnv {
  ts: typeof TS;
  file: TS.SourceFile;
  imports: Imports;
  /** `const` initialisers by name; null when the name is declared more than once (cannot tell which). */
  consts: Map<string, TS.Expression | null>;
  /** The construct a variable or `this.x` names, if it was assigned a construct in this file. */
  constructName(e: TS.Expression): string | undefined;
}

const MAX_DEPTH = 24;

/** Reads every `const` declaration in the file (any scope): name → initializer. */
export function collectConsts(ts: typeof TS, file: TS.SourceFile): Map<string, TS.Expression | null> {
  const out = new Map<string, TS.Expression | null>();
  const visit = (n: TS.Node) => {
    if (ts.isVariableDeclarationList(n)) {
      const isConst = (n.flags & ts.NodeFlags.Const) !== 0;
      for (const d of n.declarations) {
        if (!ts.isIdentifier(d.name)) continue;
        const name = d.name.text;
        out.set(name, out.has(name) || !isConst || !d.initializer ? null : d.initializer);
      }
    } else if (
      (ts.isParameter(n) || ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n)) &&
      n.name &&
      ts.isIdentifier(n.name)
    ) {
      out.set(n.name.text, null); // shadows any const of that name somewhere
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return out;
}

function unwrap(ts: typeof TS, e: TS.Expression): TS.Expression {
  while (
    ts.isParenthesizedExpression(e) ||
    ts.isAsExpression(e) ||
    ts.isNonNullExpression(e) ||
    ts.isSatisfiesExpression(e) ||
    ts.isTypeAssertionExpression(e)
  )
    e = e.expression;
  return e;
}

export function evaluate(env: ValueEnv, expr: TS.Expression, depth = 0): TsValue {
  const { ts } = env;
  const e = unwrap(ts, expr);
  const unknown: TsValue = { kind: 'unknown', node: expr };
  if (depth > MAX_DEPTH) return unknown;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e))
    return { kind: 'literal', value: e.text, node: expr };
  if (ts.isNumericLiteral(e)) return { kind: 'literal', value: Number(e.text.replace(/_/g, '')), node: expr };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'literal', value: true, node: expr };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', value: false, node: expr };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { kind: 'literal', value: null, node: expr };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) {
    return { kind: 'literal', value: -Number(e.operand.text), node: expr };
  }
  if (ts.isIdentifier(e) && e.text === 'undefined') return { kind: 'absent', node: expr };
  if (ts.isObjectLiteralExpression(e)) return objectValue(env, e, depth);
  if (ts.isArrayLiteralExpression(e)) {
    const items: TsValue[] = [];
    let spread = false;
    for (const el of e.elements) {
      if (ts.isSpreadElement(el)) {
        spread = true;
        continue;
      }
      if (ts.isOmittedExpression(el)) continue;
      items.push(evaluate(env, el, depth + 1));
    }
    return { kind: 'array', items, spread, node: e };
  }
  const construct = env.constructName(e);
  if (construct) return { kind: 'construct', name: construct, node: expr };
  if (ts.isIdentifier(e) && !env.imports.bindings.has(e.text)) {
    const init = env.consts.get(e.text);
    if (!init) return unknown;
    const v = evaluate(env, init, depth + 1);
    // Scalars keep the use site's range (that is what a fix replaces); objects and arrays are edited where written.
    return v.kind === 'object' || v.kind === 'array' ? v : { ...v, node: expr };
  }
  if (ts.isIdentifier(e) || ts.isPropertyAccessExpression(e)) {
    const ref = resolveRef(ts, env.imports, e);
    return ref ? { kind: 'ref', ref, node: expr } : unknown;
  }
  if (ts.isCallExpression(e)) {
    const ref = resolveRef(ts, env.imports, e.expression);
    return ref ? { kind: 'call', ref, args: e.arguments.map(a => evaluate(env, a, depth + 1)), node: expr } : unknown;
  }
  if (ts.isNewExpression(e)) {
    const ref = resolveRef(ts, env.imports, e.expression);
    return ref
      ? { kind: 'new', ref, args: (e.arguments ?? []).map(a => evaluate(env, a, depth + 1)), node: expr }
      : unknown;
  }
  return unknown;
}

function objectValue(env: ValueEnv, e: TS.ObjectLiteralExpression, depth: number): TsValue {
  const { ts } = env;
  const props: ObjProp[] = [];
  let spread = false;
  for (const el of e.properties) {
    if (ts.isSpreadAssignment(el)) {
      spread = true;
      props.length = 0;
      continue;
    } // a spread may override what came before
    if (ts.isPropertyAssignment(el)) {
      const name = el.name;
      const key = ts.isIdentifier(name)
        ? name.text
        : ts.isStringLiteral(name) || ts.isNumericLiteral(name)
          ? name.text
          : undefined;
      if (key === undefined) {
        spread = true;
        continue;
      } // computed key: could be anything
      props.push({ key, quoted: !ts.isIdentifier(name), element: el, value: evaluate(env, el.initializer, depth + 1) });
    } else if (ts.isShorthandPropertyAssignment(el)) {
      props.push({ key: el.name.text, quoted: false, element: el, value: evaluate(env, el.name, depth + 1) });
    } else spread = true; // methods, accessors: not CDK props
  }
  return { kind: 'object', props, spread, node: e };
}

/** The last assignment of `key` in an object value (later ones win, as at run time). */
export function propOf(v: TsValue | undefined, key: string): ObjProp | undefined {
  if (v?.kind !== 'object') return undefined;
  for (let i = v.props.length - 1; i >= 0; i--) if (v.props[i].key === key) return v.props[i];
  return undefined;
}

/** `s3.BucketEncryption.KMS` → 'KMS' when the value is that enum (module and type checked). */
export function enumMember(v: TsValue | undefined, module: string, type: string): string | undefined {
  if (v?.kind !== 'ref' || v.ref.module !== module || v.ref.path.length !== 2 || v.ref.path[0] !== type)
    return undefined;
  return v.ref.path[1];
}

/** `cdk.Duration.days(7)` → 7 (days); other units converted; undefined when not a known duration. */
export function durationDays(v: TsValue | undefined): number | undefined {
  if (v?.kind !== 'call' || v.ref.module !== 'core' || v.ref.path[0] !== 'Duration' || v.ref.path.length !== 2)
    return undefined;
  const n = v.args[0]?.kind === 'literal' && typeof v.args[0].value === 'number' ? v.args[0].value : undefined;
  if (n === undefined) return undefined;
  const perDay: Record<string, number> = {
    days: 1,
    hours: 1 / 24,
    minutes: 1 / 1440,
    seconds: 1 / 86400,
    millis: 1 / 86_400_000,
  };
  return perDay[v.ref.path[1]] !== undefined ? n * perDay[v.ref.path[1]] : undefined;
}
