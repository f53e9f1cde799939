import type * as TS from 'typescript';
import { CdkValue, ObjProp } from './cdk-value';
import { Imports, resolveRef } from './ts-imports';
import { walkTree } from './ts-parse';

/** The TypeScript nodes values carry: fixes edit the object literals, arrays and entries they point at. */
export interface TsSyntax {
  node: TS.Node;
  object: TS.ObjectLiteralExpression;
  array: TS.ArrayLiteralExpression;
  element: TS.ObjectLiteralElementLike;
  key: TS.Node;
  call: TS.NewExpression | TS.CallExpression;
}

/**
 * A TypeScript expression as far as it can be known without running it. Literals, same-file `const`s, CDK enum
 * members and static calls are known; anything else (parameters, `props.x`, function results) is `unknown`.
 */
export type TsValue = CdkValue<TsSyntax>;
type TsProp = ObjProp<TsSyntax>;

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
  };
  walkTree(ts, file, visit);
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
  const props: TsProp[] = [];
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
      props.push({
        key,
        quoted: !ts.isIdentifier(name),
        element: el,
        keyNode: name,
        value: evaluate(env, el.initializer, depth + 1),
      });
    } else if (ts.isShorthandPropertyAssignment(el)) {
      props.push({
        key: el.name.text,
        quoted: false,
        element: el,
        keyNode: el.name,
        value: evaluate(env, el.name, depth + 1),
      });
    } else spread = true; // methods, accessors: not CDK props
  }
  return { kind: 'object', props, spread, node: e };
}
