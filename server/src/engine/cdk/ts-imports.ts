import type * as TS from 'typescript';
import { CdkRef } from './cdk-value';

/**
 * What a local name stands for. `module` is normalised: `aws-s3` for `aws-cdk-lib/aws-s3`, `aws_s3` of `aws-cdk-lib`
 * and CDK v1 `@aws-cdk/aws-s3`; `core` for `aws-cdk-lib` itself and `@aws-cdk/core`.
 */
export type Binding = { kind: 'namespace'; module: string } | { kind: 'member'; module: string; name: string };

export interface Imports {
  bindings: Map<string, Binding>;
  /** 'v2' (aws-cdk-lib) or 'v1' (@aws-cdk/*): new imports follow the file's style. */
  style: 'v2' | 'v1';
  /** Import declarations in source order (where a new import goes, which named lists exist). */
  declarations: { node: TS.ImportDeclaration; module: string; spec: string }[];
}

/** `aws-cdk-lib/aws-s3` → `aws-s3`; `aws-cdk-lib` → `core`; `@aws-cdk/aws-s3` → `aws-s3`; anything else → undefined. */
export function normaliseModule(spec: string): string | undefined {
  if (spec === 'aws-cdk-lib' || spec === '@aws-cdk/core') return 'core';
  const v2 = /^aws-cdk-lib\/([a-z0-9-]+)$/.exec(spec);
  if (v2) return v2[1] === 'core' ? 'core' : v2[1];
  const v1 = /^@aws-cdk\/([a-z0-9-]+)$/.exec(spec);
  return v1 ? v1[1] : undefined;
}

/** `aws_s3` (a member of aws-cdk-lib) → `aws-s3`. */
function submodule(name: string): string | undefined {
  return /^(aws|alexa)_[a-z0-9_]+$/.test(name) ? name.replace(/_/g, '-') : undefined;
}

export function readImports(ts: typeof TS, file: TS.SourceFile): Imports {
  const bindings = new Map<string, Binding>();
  const declarations: Imports['declarations'] = [];
  let v1 = 0,
    v2 = 0;
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const spec = st.moduleSpecifier.text;
      const module = normaliseModule(spec);
      if (!module) continue;
      if (spec.startsWith('@aws-cdk/')) v1++;
      else v2++;
      declarations.push({ node: st, module, spec });
      const clause = st.importClause;
      if (!clause || clause.isTypeOnly) continue;
      if (clause.name) bindings.set(clause.name.text, { kind: 'namespace', module });
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) bindings.set(named.name.text, { kind: 'namespace', module });
      else if (named && ts.isNamedImports(named)) {
        for (const el of named.elements) {
          if (el.isTypeOnly) continue;
          const imported = (el.propertyName ?? el.name).text;
          const sub = module === 'core' ? submodule(imported) : undefined;
          bindings.set(
            el.name.text,
            sub ? { kind: 'namespace', module: sub } : { kind: 'member', module, name: imported },
          );
        }
      }
    } else if (
      ts.isImportEqualsDeclaration(st) &&
      ts.isExternalModuleReference(st.moduleReference) &&
      ts.isStringLiteral(st.moduleReference.expression)
    ) {
      const module = normaliseModule(st.moduleReference.expression.text);
      if (module) bindings.set(st.name.text, { kind: 'namespace', module });
    }
  }
  return { bindings, style: v1 > v2 ? 'v1' : 'v2', declarations };
}

/**
 * Resolves an identifier or property-access chain through the imports; undefined when it is not CDK. Walks the
 * chain in a loop: `x.a.a.a…` may be thousands of accesses long.
 */
export function resolveRef(ts: typeof TS, imports: Imports, e: TS.Expression): CdkRef | undefined {
  const names: string[] = []; // innermost access last
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.name)) {
      names.push(e.name.text);
      e = e.expression;
    } else break;
  }
  if (!ts.isIdentifier(e)) return undefined;
  const b = imports.bindings.get(e.text);
  if (!b) return undefined;
  let module = b.module;
  const path = b.kind === 'namespace' ? [] : [b.name];
  for (let i = names.length - 1; i >= 0; i--) {
    const sub = module === 'core' && path.length === 0 ? submodule(names[i]) : undefined;
    if (sub) module = sub;
    else path.push(names[i]);
  }
  return { module, path };
}
