/**
 * The layering of server/src, read from the imports themselves (TypeScript compiler API): the engine is pure, the
 * top-level folders depend on each other without a cycle, and rules are written against the model only. UI words are
 * chosen by language only in the i18n module: no other file compares a value with 'ja' or 'en'.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { ROOT } from '../helpers';

const SRC = path.join(ROOT, 'server/src');

interface Import {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** The file inside server/src it resolves to (relative specifiers only). */
  target?: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.isFile() && p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return base;
}

/** Every module a file names: import/export … from, import = require, require(), import(). */
function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Import[] = [];
  const add = (spec: ts.Expression | undefined, node: ts.Node) => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    out.push({ from: file, spec: spec.text, target: resolve(file, spec.text), line });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, node);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node.moduleReference.expression, node);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      if (isRequire || callee.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], node);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** The top-level part of server/src a file belongs to; the two entry files belong to their face. */
function areaOf(file: string): string {
  const rel = path.relative(SRC, file).split(path.sep);
  if (rel.length === 1) return { 'cli.ts': 'cli', 'server.ts': 'lsp' }[rel[0]] ?? rel[0];
  return rel[0];
}

/**
 * Places where a file compares a value with the language names 'ja' / 'en' (`lang === 'ja'`, `'en' !== x`,
 * `case 'ja':`, `locale.startsWith('ja')`): the choice of UI words that belongs to engine/i18n.
 */
function languageChecksOf(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  const isLangName = (e: ts.Node) => ts.isStringLiteralLike(e) && (e.text === 'ja' || e.text === 'en');
  const comparisons = new Set([
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ]);
  const visit = (node: ts.Node) => {
    let hit = false;
    if (ts.isBinaryExpression(node) && comparisons.has(node.operatorToken.kind))
      hit = isLangName(node.left) || isLangName(node.right);
    else if (ts.isCaseClause(node)) hit = isLangName(node.expression);
    else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression))
      hit = /^(startsWith|endsWith|includes)$/.test(node.expression.name.text) && node.arguments.some(isLangName);
    if (hit) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push(`${rel(file)}:${line}: ${node.getText(sf).split('\n')[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
const where = (i: Import) => `${rel(i.from)}:${i.line} imports '${i.spec}'`;

describe('architecture: imports in server/src', () => {
  const files = sourceFiles(SRC);
  const imports = files.flatMap(importsOf);

  it('finds the source and its imports (the test reads what it means to check)', () => {
    assert.ok(files.length > 100, `${files.length} files`);
    const areas = new Set(files.map(areaOf));
    for (const a of ['engine', 'host', 'lsp', 'cli', 'report', 'tools']) assert.ok(areas.has(a), a);
    assert.ok(imports.some(i => i.spec === 'typescript' && areaOf(i.from) === 'engine'));
    assert.ok(imports.some(i => i.spec.startsWith('..') && i.target && areaOf(i.target) === 'host'));
  });

  it('the engine imports no face, no host, no editor and no file, process or network module', () => {
    const forbidden = /^(node:)?(fs|fs\/promises|child_process|net|tls|http|https|http2|dgram|dns|worker_threads)$/;
    const bad = imports
      .filter(i => areaOf(i.from) === 'engine')
      .filter(i => (i.target ? areaOf(i.target) !== 'engine' : /^vscode/.test(i.spec) || forbidden.test(i.spec)));
    assert.deepStrictEqual(bad.map(where), []);
  });

  it('the engine never reads the clock: "today" comes from the settings', () => {
    const clock = /\bDate\.now\(|\bnew Date\(\s*\)|\bperformance\.now\(/;
    const bad = files
      .filter(f => areaOf(f) === 'engine')
      .flatMap(f =>
        fs
          .readFileSync(f, 'utf8')
          .split('\n')
          .map((line, n) => ({ line, n }))
          .filter(x => clock.test(x.line) && !/^\s*(\/\/|\*)/.test(x.line))
          .map(x => `${rel(f)}:${x.n + 1}: ${x.line.trim()}`),
      );
    assert.deepStrictEqual(bad, []);
  });

  it('no cycle between the top-level folders (engine, host, lsp, cli, report, tools)', () => {
    const edges = new Map<string, Map<string, Import>>();
    for (const i of imports) {
      if (!i.target) continue;
      const [a, b] = [areaOf(i.from), areaOf(i.target)];
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a)!.has(b)) edges.get(a)!.set(b, i);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'active' | 'done'>();
    const visit = (a: string, trail: string[]) => {
      state.set(a, 'active');
      for (const [b, i] of edges.get(a) ?? []) {
        if (state.get(b) === 'active') {
          const loop = [...trail.slice(trail.indexOf(b)), a, b];
          cycles.push(`${loop.join(' → ')} (e.g. ${where(i)})`);
        } else if (!state.has(b)) visit(b, [...trail, a]);
      }
      state.set(a, 'done');
    };
    for (const a of edges.keys()) if (!state.has(a)) visit(a, []);
    assert.deepStrictEqual(cycles, []);
    // The intended direction: the faces and the host build on the engine, never the other way.
    assert.ok(!edges.get('host')?.has('lsp') && !edges.get('host')?.has('cli'), 'host imports no face');
    assert.ok(!edges.get('report')?.has('cli') && !edges.get('report')?.has('lsp'), 'report imports no face');
  });

  it('rules are written against the model: nothing in engine/rules imports a format or the risk model', () => {
    const formats = ['cloudformation', 'cdk', 'parse', 'risk'].map(d => path.join(SRC, 'engine', d) + path.sep);
    const bad = imports
      .filter(i => i.from.startsWith(path.join(SRC, 'engine', 'rules') + path.sep))
      .filter(i => i.target && formats.some(f => i.target!.startsWith(f)));
    assert.deepStrictEqual(bad.map(where), []);
  });

  it('reads every form of import: import, export from, import type, require()', () => {
    const tmp = fs.mkdtempSync(path.join(ROOT, 'out', 'arch-'));
    try {
      const probe = path.join(tmp, 'probe.ts');
      fs.writeFileSync(
        probe,
        [
          "import * as fs from 'fs';",
          "export const x = require('./y');",
          "import type { Z } from '../z';",
          "export * from './w';",
        ].join('\n'),
      );
      assert.deepStrictEqual(
        importsOf(probe).map(i => i.spec),
        ['fs', './y', '../z', './w'],
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('architecture: language choices in server/src', () => {
  const I18N = path.join(SRC, 'engine', 'i18n') + path.sep;
  /**
   * Files that may compare with 'ja' / 'en' because the value is not the UI language: the key style of a risk file
   * (Japanese or English keys, chosen by what the file already uses).
   */
  const KEY_STYLE = ['engine/risk/fixes.ts', 'engine/risk/keys.ts'].map(f => path.join(SRC, f));

  it('only engine/i18n chooses words by language (and the key-style files, which pick keys for the file)', () => {
    const files = sourceFiles(SRC).filter(f => !f.startsWith(I18N) && !KEY_STYLE.includes(f));
    assert.ok(files.length > 100, `${files.length} files`);
    assert.deepStrictEqual(
      files.flatMap(f => languageChecksOf(f)),
      [],
    );
  });

  it('the exceptions are still needed, and the i18n module is where the choices are', () => {
    for (const f of KEY_STYLE) assert.ok(languageChecksOf(f).length, `${rel(f)} no longer compares; unlist it`);
    const i18n = sourceFiles(SRC).filter(f => f.startsWith(I18N));
    assert.ok(i18n.flatMap(f => languageChecksOf(f)).length > 5);
  });

  it('finds each form of comparison, and not lists of languages or comments', () => {
    const text = [
      "if (lang === 'ja') x();",
      "const y = 'en' !== settings.lang;",
      "switch (lang) { case 'ja': break; }",
      "const j = locale.startsWith('ja');",
      "const ok = ['auto', 'ja', 'en'].includes(v);",
      "// lang === 'ja'",
      'const s = "lang === \'ja\'";',
    ].join('\n');
    const found = languageChecksOf(path.join(SRC, 'probe.ts'), text).map(x => x.replace(/^.*probe\.ts:/, ''));
    assert.deepStrictEqual(found, [
      "1: lang === 'ja'",
      "2: 'en' !== settings.lang",
      "3: case 'ja': break;",
      "4: locale.startsWith('ja')",
    ]);
  });
});
