/**
 * Security groups as CDK's `connections` sees them: ingress for a construct goes to the construct itself when it is a
 * security group, to the group in its `securityGroup` prop, or to the group CDK creates for it.
 */
import { Cfn, Opaque } from './cfn-value';
import { propOf, Syntax } from './cdk-value';
import { ModelState, Pending, synthetic } from './build-state';
import { Span } from './property-draft';

const SECURITY_GROUP = 'AWS::EC2::SecurityGroup';

/** The group that receives a construct's ingress; undefined when it is one we cannot see. */
export function groupOf<S extends Syntax>(st: ModelState<S>, logicalId: string): Pending<S> | undefined {
  const owner = st.resources.get(logicalId);
  if (!owner) return undefined;
  if (owner.type === SECURITY_GROUP) return owner;
  const explicit = owner.call?.props ? propOf(owner.call.props, 'securityGroup')?.value : undefined;
  if (explicit?.kind === 'construct' && st.resources.get(explicit.name)?.type === SECURITY_GROUP)
    return st.resources.get(explicit.name);
  if (explicit) return undefined;
  let g = st.implicitGroups.get(logicalId);
  if (!g) {
    const head = synthetic(owner.head);
    g = st.add(st.uniqueId(`${logicalId}SecurityGroup`), SECURITY_GROUP, head, head, logicalId);
    g.draft.set(['GroupDescription'], new Opaque('generated'), head);
    g.draft.set(['VpcId'], new Opaque('vpc'), head);
    st.implicitGroups.set(logicalId, g);
  }
  return g;
}

/** Appends ingress rules to the group of a construct. */
export function addIngress<S extends Syntax>(st: ModelState<S>, logicalId: string, rules: Cfn[], span: Span) {
  const sg = groupOf(st, logicalId);
  if (sg) for (const rule of rules) sg.draft.append(['SecurityGroupIngress'], rule, span);
}
