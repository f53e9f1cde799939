/** Helpers for CDK tests: the model of a source text, nodes by path, and what range a value points at. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { cdkModelOf } from '../../../server/src/engine/cdk/language';
import { CdkModel } from '../../../server/src/engine/cdk/model';
import { at, Node, toPlain } from '../../../server/src/engine/model/node';
import { Resource } from '../../../server/src/engine/model/template';
import { applyEdits } from '../../../server/src/engine/model/text';
import { assertEditsOnlyInside, context, findingKey, open, ROOT, run, uriOf } from '../../helpers';

export function fixture(name: string): string {
  return fs.readFileSync(path.join(ROOT, 'test/fixtures/cdk', name), 'utf8');
}

export function modelOf(text: string, name = 'stack.ts'): CdkModel {
  return cdkModelOf(uriOf(name), text, context());
}

export function resource(m: CdkModel, id: string): Resource {
  const r = m.template.byId.get(id);
  if (!r) throw new Error(`no resource ${id}; have ${m.template.resources.map(x => x.logicalId).join(', ')}`);
  return r;
}

export function prop(m: CdkModel, id: string, p: (string | number)[]): Node | undefined {
  return at(resource(m, id).properties, p);
}

export function value(m: CdkModel, id: string, p: (string | number)[]): unknown {
  return toPlain(prop(m, id, p));
}

/** The source text a model value points at, and whether it is a CDK default (synthetic). */
export function origin(m: CdkModel, id: string, p: (string | number)[]): { text: string; synthetic: boolean } {
  const n = prop(m, id, p);
  if (!n) throw new Error(`${id} has no ${p.join('.')}`);
  return { text: m.template.text.slice(n.start, n.end), synthetic: !!n.synthetic };
}

/** TypeScript's own parser: the text has no syntax errors. */
export function parseErrors(text: string): string[] {
  const file = ts.createSourceFile('fixed.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  return ((file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics ?? []).map(d =>
    ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  );
}

export const UNKNOWN = (text: string) => ({ 'Fn::Unknown': text });

/**
 * Applies every fix of every open finding (of `rule`, or all): each must leave valid TypeScript, remove its finding,
 * add none, and change nothing outside its edits. Returns the fixed texts by rule.
 */
export function checkFixes(
  name: string,
  text: string,
  rule?: string,
): { rule: string; title: string; fixed: string }[] {
  const a = run(name, text);
  const out: { rule: string; title: string; fixed: string }[] = [];
  const before = open(a).map(findingKey);
  const count = (l: string[], k: string) => l.filter(x => x === k).length;
  for (const f of open(a).filter(x => (rule ? x.rule === rule : x.rule !== 'suppression-without-reason'))) {
    for (const fix of f.fixes ?? []) {
      const edits = fix.edit[a.uri] ?? [];
      assert.deepStrictEqual(Object.keys(fix.edit), [a.uri], `${name}: "${fix.title}" edits another file`);
      const fixed = applyEdits(text, edits);
      assertEditsOnlyInside(text, fixed, edits);
      assert.deepStrictEqual(parseErrors(fixed), [], `${name}: "${fix.title}" broke the syntax:\n${fixed}`);
      const after = open(run(name, fixed)).map(findingKey);
      assert.ok(
        count(after, findingKey(f)) < count(before, findingKey(f)),
        `${name}: "${fix.title}" left ${findingKey(f)}:\n${fixed}`,
      );
      assert.deepStrictEqual(
        [...new Set(after.filter(k => count(after, k) > count(before, k)))],
        [],
        `${name}: "${fix.title}" added findings:\n${fixed}`,
      );
      out.push({ rule: f.rule, title: fix.title, fixed });
    }
  }
  return out;
}
