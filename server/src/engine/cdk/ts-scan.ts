/**
 * The TypeScript front-end's scan (see front-end.ts): the calls of a file that make constructs, the variables they are
 * assigned to, and the methods called on those variables.
 */
import type * as TS from 'typescript';
import {
  childSite,
  ConstructSite,
  factorySite,
  LogicalIds,
  MethodCall,
  newSite,
  ProjectConfig,
  SourceScan,
} from './front-end';
import { Imports, readImports, resolveRef } from './ts-imports';
import { ParsedSource, walkTree } from './ts-parse';
import { collectConsts, evaluate, TsSyntax, TsValue, ValueEnv } from './ts-values';

type Call = TS.NewExpression | TS.CallExpression;
type Found = Pick<ConstructSite<TsSyntax>, 'cls' | 'type' | 'spec' | 'l1' | 'factory' | 'method' | 'parent'>;

export interface TsScan {
  scan: SourceScan<TsSyntax>;
  imports: Imports;
  env: ValueEnv;
}

/** Scans a parsed file. Nothing is executed; props are evaluated once every construct has its logical ID. */
export function scanTypescript(uri: string, text: string, parsed: ParsedSource, project: ProjectConfig): TsScan {
  const { ts, file } = parsed;
  const imports = readImports(ts, file);
  const bindings = new Map<string, string>(); // variable / this.x → logical ID
  const env: ValueEnv = {
    ts,
    file,
    imports,
    consts: collectConsts(ts, file),
    constructName: e => {
      if (ts.isIdentifier(e)) return bindings.get(e.text);
      if (ts.isPropertyAccessExpression(e) && e.expression.kind === ts.SyntaxKind.ThisKeyword)
        return bindings.get(`this.${e.name.text}`);
      return undefined;
    },
  };
  const sites = findSites(env, bindings);
  for (const site of sites) {
    const expr = site.propsIndex >= 0 ? site.call.arguments?.[site.propsIndex] : undefined;
    if (expr) site.props = evaluate(env, expr);
  }
  return { scan: { uri, text, format: 'typescript', project, sites, calls: findMethodCalls(env) }, imports, env };
}

/** Every construct call in source order; each gets its logical ID and variable binding as it is met. */
function findSites(env: ValueEnv, bindings: Map<string, string>): ConstructSite<TsSyntax>[] {
  const { ts, file } = env;
  const ids = new LogicalIds();
  const sites: ConstructSite<TsSyntax>[] = [];
  const byId = new Map<string, ConstructSite<TsSyntax>>();
  const add = (call: Call, found: Found, idArg: number, propsIndex: number) => {
    const logicalId = ids.claim(idText(env, call, idArg, found.cls));
    const site: ConstructSite<TsSyntax> = {
      logicalId,
      cls: found.cls,
      type: found.type,
      spec: found.spec,
      l1: found.l1,
      factory: found.factory,
      method: found.method,
      parent: found.parent,
      call,
      head: { start: call.getStart(file), end: (call.arguments?.[idArg] ?? call.expression).getEnd() },
      typeSpan: { start: call.expression.getStart(file), end: call.expression.getEnd() },
      propsIndex,
      props: undefined,
    };
    const name = bindingName(ts, call);
    if (name) bindings.set(name, logicalId);
    sites.push(site);
    byId.set(logicalId, site);
  };
  const visit = (n: TS.Node) => {
    if (ts.isNewExpression(n)) {
      const ref = resolveRef(ts, env.imports, n.expression);
      const found = ref && newSite(ref);
      if (found) add(n, found, 1, 2);
    } else if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const target = env.constructName(n.expression.expression);
      const parent = target ? byId.get(target) : undefined;
      const child = parent && childSite(parent, n.expression.name.text);
      if (child) add(n, child, child.method.idArg, child.method.propsArg);
      else {
        const ref = resolveRef(ts, env.imports, n.expression);
        const made = ref && factorySite(ref);
        if (made) add(n, made, made.factory.idArg, -1);
      }
    }
  };
  walkTree(ts, file, visit);
  return sites;
}

/** The ID argument when it is a known string, else `Class@line`. */
function idText(env: ValueEnv, call: Call, idArg: number, cls: string): string {
  const a = call.arguments?.[idArg];
  const v = a ? evaluate(env, a) : undefined;
  if (v?.kind === 'literal' && typeof v.value === 'string') return v.value;
  return `${cls}@${env.file.getLineAndCharacterOfPosition(call.getStart(env.file)).line + 1}`;
}

/** `const x = new …`, a class property `x = new …`, or `this.x = new …`: the name later code uses. */
function bindingName(ts: typeof TS, call: Call): string | undefined {
  const p = call.parent;
  if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (ts.isPropertyDeclaration(p) && ts.isIdentifier(p.name)) return `this.${p.name.text}`;
  if (
    ts.isBinaryExpression(p) &&
    p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(p.left) &&
    p.left.expression.kind === ts.SyntaxKind.ThisKeyword
  )
    return `this.${p.left.name.text}`;
  return undefined;
}

/** `x.method(…)` and `x.connections.method(…)` where `x` names a construct of the file. */
function findMethodCalls(env: ValueEnv): MethodCall<TsSyntax>[] {
  const { ts, file } = env;
  const calls: MethodCall<TsSyntax>[] = [];
  const visit = (n: TS.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression)) {
      const callee = n.expression;
      let receiver = callee.expression;
      const viaConnections = ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'connections';
      if (ts.isPropertyAccessExpression(receiver) && viaConnections) receiver = receiver.expression;
      const target = env.constructName(receiver);
      if (target) calls.push(methodCall(env, n, target, viaConnections));
    }
  };
  walkTree(ts, file, visit);
  return calls;
}

function methodCall(env: ValueEnv, n: TS.CallExpression, target: string, viaConnections: boolean) {
  let args: TsValue[] | undefined;
  return {
    target,
    method: env.ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : '',
    viaConnections,
    args: () => (args ??= n.arguments.map(a => evaluate(env, a))),
    span: { start: n.getStart(env.file), end: n.getEnd() },
  };
}
