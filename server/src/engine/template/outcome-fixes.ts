/**
 * Which fix a finding gets when its value comes from a parameter or a condition branch. A fix never removes the
 * author's parameters or conditions: a value chosen through a parameter is fixed on the parameter (its Default and
 * AllowedValues), a literal inside an `Fn::If` branch is replaced where it stands, and anything else gets no fix.
 */
import { FixSpec, FixValue } from '../fixes/spec';
import { phrase } from '../i18n/text';
import { Cause } from '../model/evaluate';
import { get, intrinsicName, isScalar, isSeq, Node, Scalar, scalarString } from '../model/node';
import { Parameter, Resource, Template } from '../model/template';

type Anchor = Node | { start: number; end: number };

function isNode(a: Anchor | undefined): a is Node {
  return !!a && 'kind' in a;
}

/** The parameter a `{Ref: P}` node names, if P is a parameter of the template. */
export function parameterOf(t: Template, n: Anchor | undefined): Parameter | undefined {
  if (!isNode(n) || intrinsicName(n) !== 'Ref') return undefined;
  const name = scalarString(get(n, 'Ref'));
  return name ? t.parameters.get(name) : undefined;
}

/** The compliant scalar a fix writes, when it writes one value in place (set or replace of a scalar). */
function compliantScalar(spec: FixSpec): Scalar | undefined {
  if (spec.kind !== 'set' && spec.kind !== 'replace') return undefined;
  const v = spec.value;
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
}

/**
 * The fixes to offer for a finding reached through `via` at `anchor`. Without causes the rule's own fixes stand.
 * `failing` are the parameter values (of the parameter at `anchor`) that lead to this finding.
 */
export function fixesThroughCauses(
  t: Template,
  anchor: Anchor | undefined,
  via: readonly Cause[],
  specs: FixSpec[],
  failing: string[],
): FixSpec[] {
  if (!via.length) return specs;
  // A value the parent stack passes is the parent's to change, in another file.
  if (via.some(c => c.kind === 'passed')) return [];
  const param = parameterOf(t, anchor);
  const value = specs.map(compliantScalar).find(v => v !== undefined);
  if (param) return value === undefined ? [] : parameterFixes(param, value, failing);
  // A literal inside an Fn::If branch: replace it there, leaving the condition as the author wrote it.
  if (isNode(anchor) && isScalar(anchor) && !anchor.synthetic && value !== undefined) {
    const title = specs.find(s => compliantScalar(s) !== undefined)?.title;
    return [{ kind: 'replace', node: anchor, value, title }];
  }
  return [];
}

/** Makes the parameter's default compliant, and drops the failing values from AllowedValues. */
function parameterFixes(p: Parameter, value: Scalar, failing: string[]): FixSpec[] {
  const asParam: Resource = {
    logicalId: p.name,
    type: 'Parameter',
    idStart: p.keyStart,
    idEnd: p.keyEnd,
    node: p.node,
  };
  const text = String(value);
  const allowedNode = get(p.node, 'AllowedValues');
  // Allowed values as written (numbers stay numbers), and as text to compare with the failing ones.
  const written = (p.allowedValues ?? []).flatMap(n => (isScalar(n) && n.value !== null ? [n.value] : []));
  const allowed = written.map(String);
  const out: FixSpec[] = [];
  const defaultFails = p.default === undefined || failing.includes(scalarString(p.default) ?? '');
  if (defaultFails) {
    const setDefault: FixSpec = {
      kind: 'set',
      resource: asParam,
      path: ['Default'],
      value: text,
      title: phrase('setParameterDefault', { param: p.name, value: text }),
    };
    if (allowed.length && !allowed.includes(text) && isSeq(allowedNode))
      setDefault.also = [{ kind: 'append', resource: asParam, path: ['AllowedValues'], item: text }];
    out.push(setDefault);
  }
  const kept = written.filter(a => !failing.includes(String(a)));
  if (isSeq(allowedNode) && kept.length < allowed.length && !allowedNode.aliased) {
    const list: FixValue[] = kept.length ? kept : [value];
    if (!list.map(String).includes(text) && defaultFails) list.push(value);
    const restrict: FixSpec = {
      kind: 'replace',
      node: allowedNode,
      value: list,
      title: phrase('restrictAllowedValues', { param: p.name, values: failing }),
    };
    // Keep the default among the allowed values: a default outside them fails to deploy.
    const def = scalarString(p.default);
    if (def !== undefined && !list.map(String).includes(def)) {
      restrict.also = [{ kind: 'set', resource: asParam, path: ['Default'], value: String(list[0]) }];
    }
    out.push(restrict);
  }
  return out;
}
