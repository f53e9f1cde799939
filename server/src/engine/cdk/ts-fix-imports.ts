/** Fix values written as TypeScript, reaching CDK exports through the file's own imports (adding one when needed). */
import type * as TS from 'typescript';
import { FixExpr } from './specs/fix-expr';
import { SourceEdits } from './ts-fix-edits';
import { walkTree } from './ts-parse';

const ALIASES: Record<string, string> = { 'aws-elasticloadbalancingv2': 'elbv2', core: 'cdk' };

/** A string literal in single quotes. */
export const quoted = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export class ImportRefs {
  private readonly added = new Map<string, string>();
  private declaredCache?: string;

  constructor(private readonly out: SourceEdits) {}

  /** A `FixExpr` as TypeScript: `s3.BucketEncryption.KMS`, `cdk.Duration.days(7)`, `{ key: value }`, `['a']`. */
  render(e: FixExpr): string {
    switch (e.kind) {
      case 'literal':
        return typeof e.value === 'string' ? quoted(e.value) : String(e.value);
      case 'ref':
        return [this.refText(e.module, e.path[0]), ...e.path.slice(1)].join('.');
      case 'call': {
        const callee = [this.refText(e.module, e.path[0]), ...e.path.slice(1)].join('.');
        return `${callee}(${e.args.map(a => this.render(a)).join(', ')})`;
      }
      case 'struct':
        return `{ ${e.entries.map(([k, v]) => `${k}: ${this.render(v)}`).join(', ')} }`;
      case 'list':
        return `[${e.items.map(i => this.render(i)).join(', ')}]`;
    }
  }

  /** `aws-s3`, `BucketEncryption` → `s3.BucketEncryption` through the file's imports, adding one when needed. */
  refText(module: string, name: string): string {
    const { imports } = this.out.model;
    for (const [local, b] of imports.bindings)
      if (b.kind === 'namespace' && b.module === module) return `${local}.${name}`;
    for (const [local, b] of imports.bindings)
      if (b.kind === 'member' && b.module === module && b.name === name) return local;
    if (module !== 'core')
      for (const [local, b] of imports.bindings)
        if (b.kind === 'namespace' && b.module === 'core') return `${local}.${module.replace(/-/g, '_')}.${name}`;
    const key = `${module}:${name}`;
    const done = this.added.get(key);
    if (done) return done;
    const alreadyAliased = this.added.get(`${module}:*`);
    if (alreadyAliased) return `${alreadyAliased}.${name}`;
    const named = this.namedImportOf(module);
    if (named && !this.isTaken(name)) {
      const last = named.elements[named.elements.length - 1];
      const at = last ? last.getEnd() : named.getStart(this.out.file) + 1;
      this.out.edits.push({ start: at, end: at, text: last ? `, ${name}` : ` ${name} ` });
      this.added.set(key, name);
      return name;
    }
    let alias = ALIASES[module] ?? module.replace(/^aws-/, '').replace(/[^a-z0-9]/g, '');
    while (this.isTaken(alias)) alias += '_';
    this.addImport(module, alias);
    this.added.set(`${module}:*`, alias);
    return `${alias}.${name}`;
  }

  /** `import { A, B } from '<module>'` (not type-only), where a name can be added. */
  private namedImportOf(module: string): TS.NamedImports | undefined {
    const ts = this.out.ts;
    for (const d of this.out.model.imports.declarations) {
      const bindings = d.module === module && !d.node.importClause?.isTypeOnly && d.node.importClause?.namedBindings;
      if (bindings && ts.isNamedImports(bindings)) return bindings;
    }
    return undefined;
  }

  /** `import * as <alias> from '<module>'` after the last import, in the file's CDK version style. */
  private addImport(module: string, alias: string) {
    const { imports } = this.out.model;
    const v1 = imports.style === 'v1';
    const spec =
      module === 'core' ? (v1 ? '@aws-cdk/core' : 'aws-cdk-lib') : v1 ? `@aws-cdk/${module}` : `aws-cdk-lib/${module}`;
    const lastImport = imports.declarations[imports.declarations.length - 1]?.node;
    const at = lastImport ? lastImport.getEnd() : 0;
    const line = `import * as ${alias} from '${spec}';`;
    const nl = this.out.nl;
    this.out.edits.push({ start: at, end: at, text: lastImport ? `${nl}${line}` : `${line}${nl}` });
  }

  private isTaken(name: string): boolean {
    const { imports, env } = this.out.model;
    return imports.bindings.has(name) || env.consts.has(name) || this.declaredNames().includes(` ${name} `);
  }

  private declaredNames(): string {
    if (this.declaredCache === undefined) {
      const names: string[] = [];
      const ts = this.out.ts;
      const visit = (n: TS.Node) => {
        if (
          (ts.isVariableDeclaration(n) ||
            ts.isParameter(n) ||
            ts.isClassDeclaration(n) ||
            ts.isFunctionDeclaration(n)) &&
          n.name &&
          ts.isIdentifier(n.name)
        )
          names.push(n.name.text);
      };
      walkTree(ts, this.out.file, visit);
      this.declaredCache = ` ${names.join(' ')} `;
    }
    return this.declaredCache;
  }
}
