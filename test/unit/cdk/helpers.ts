/** Helpers for CDK tests: the model of a source text, nodes by path, and what range a value points at. */
import * as fs from 'fs';
import * as path from 'path';
import { cdkModelOf } from '../../../server/src/engine/cdk/language';
import { CdkModel } from '../../../server/src/engine/cdk/model';
import { at, Node, toPlain } from '../../../server/src/engine/model/node';
import { Resource } from '../../../server/src/engine/model/template';
import { context, ROOT, run, uriOf } from '../../helpers';
import { assertSafeFixes, typeScriptSyntaxErrors } from '../../oracles/fix-safety';

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

/** TypeScript's own parser: the syntax errors of a source text (none is good). */
export const parseErrors = typeScriptSyntaxErrors;

export const UNKNOWN = (text: string) => ({ 'Fn::Unknown': text });

/**
 * Every fix of every open finding (of `rule`, or all) through the fix-safety oracle: valid TypeScript, its finding
 * gone, none added, nothing changed outside its edits. Returns the fixed texts by rule.
 */
export function checkFixes(
  name: string,
  text: string,
  rule?: string,
): { rule: string; title: string; fixed: string }[] {
  return assertSafeFixes(run(name, text), { rule }).map(r => ({ rule: r.rule, title: r.title, fixed: r.text }));
}
