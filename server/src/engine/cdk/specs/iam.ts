/** IAM values other specs read: `new iam.PolicyStatement({ … })` as a statement of a resource policy. */
import { Cfn, Opaque } from '../cfn-value';
import { CdkValue, isNew, literalOr, opaqueOf, propOf } from '../cdk-value';

/**
 * `new iam.PolicyStatement({ effect, actions, principals, resources, conditions })` as a policy statement. What cannot
 * be read stays unknown; a statement that is not a `new PolicyStatement(…)` is unknown as a whole.
 */
export function policyStatement(v: CdkValue, ownerId: string): Cfn {
  if (!isNew(v, 'aws-iam', 'PolicyStatement')) return opaqueOf(v);
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
  if (propOf(props, 'resources')) out.Resource = new Opaque(`${ownerId} ARNs`);
  const conditions = propOf(props, 'conditions')?.value;
  if (conditions) out.Condition = opaqueOf(conditions);
  return out;
}

function stringList(v: CdkValue): Cfn {
  if (v.kind !== 'array' || v.spread) return opaqueOf(v);
  return v.items.map(i => literalOr(i, 'string'));
}

/** `[new iam.AnyPrincipal()]` / `[new iam.StarPrincipal()]` → everyone; any other principal is unknown. */
function principalOf(v: CdkValue): Cfn {
  if (v.kind !== 'array' || v.spread || v.items.length !== 1) return opaqueOf(v);
  const p = v.items[0];
  if (p.kind === 'new' && p.ref.module === 'aws-iam' && ['AnyPrincipal', 'StarPrincipal'].includes(p.ref.path[0]))
    return { AWS: '*' };
  return opaqueOf(p);
}
