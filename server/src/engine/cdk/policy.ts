import type * as TS from 'typescript';
import { Cfn, Opaque } from './cfn-value';
import { opaqueOf } from './mapping';
import { evaluate, propOf, TsValue, ValueEnv } from './values';

/**
 * `new iam.PolicyStatement({ effect, actions, principals, resources, conditions })` as a policy statement. What cannot
 * be read stays unknown; a statement that is not a `new PolicyStatement(…)` literal is unknown as a whole.
 */
export function resourcePolicyStatement(env: ValueEnv, expr: TS.Expression, bucketId: string): Cfn {
  const v = evaluate(env, expr);
  if (v.kind !== 'new' || v.ref.module !== 'aws-iam' || v.ref.path.join('.') !== 'PolicyStatement') return opaqueOf(v);
  const props = v.args[0];
  if (!props) return { Effect: 'Allow' };
  if (props.kind !== 'object' || props.spread) return opaqueOf(props);
  const out: { [key: string]: Cfn } = {};
  const effect = propOf(props, 'effect')?.value;
  const member =
    effect?.kind === 'ref' && effect.ref.module === 'aws-iam' && effect.ref.path[0] === 'Effect'
      ? effect.ref.path[1]
      : undefined;
  out.Effect = !effect ? 'Allow' : member === 'ALLOW' ? 'Allow' : member === 'DENY' ? 'Deny' : opaqueOf(effect);
  const actions = propOf(props, 'actions')?.value;
  if (actions) out.Action = stringList(actions);
  const principals = propOf(props, 'principals')?.value;
  if (principals) out.Principal = principalOf(principals);
  if (propOf(props, 'resources')) out.Resource = new Opaque(`${bucketId} ARNs`);
  const conditions = propOf(props, 'conditions')?.value;
  if (conditions) out.Condition = opaqueOf(conditions);
  return out;
}

function stringList(v: TsValue): Cfn {
  if (v.kind !== 'array' || v.spread) return opaqueOf(v);
  return v.items.map(i => (i.kind === 'literal' && typeof i.value === 'string' ? i.value : opaqueOf(i)));
}

/** `[new iam.AnyPrincipal()]` / `[new iam.StarPrincipal()]` → everyone; any other principal is unknown. */
function principalOf(v: TsValue): Cfn {
  if (v.kind !== 'array' || v.spread || v.items.length !== 1) return opaqueOf(v);
  const p = v.items[0];
  if (
    p.kind === 'new' &&
    p.ref.module === 'aws-iam' &&
    (p.ref.path[0] === 'AnyPrincipal' || p.ref.path[0] === 'StarPrincipal')
  )
    return { AWS: '*' };
  return opaqueOf(p);
}
