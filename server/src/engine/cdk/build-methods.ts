/** Method calls on constructs of the file: what they add to the model once every construct is built. */
import { CdkValue, enumMember, Syntax } from './cdk-value';
import { ModelState, Pending } from './build-state';
import { addIngress } from './connections';
import { MethodCall } from './front-end';
import { Span } from './property-draft';
import { CONNECTIONS, effectMethod, policyOwnerRef, PolicyMethod } from './specs';

/** Applies one method call: `x.connections.allowFrom(…)`, `x.applyRemovalPolicy(…)`, or a method its spec declares. */
export function applyMethodCall<S extends Syntax>(st: ModelState<S>, call: MethodCall<S>) {
  if (call.viaConnections) {
    const rules = CONNECTIONS.find(m => m.name === call.method)?.rules(call.args());
    if (rules) addIngress(st, call.target, rules, call.span);
    return;
  }
  const owner = st.resources.get(call.target);
  if (!owner) return;
  if (call.method === 'applyRemovalPolicy') {
    const arg = call.args()[0];
    if (arg) applyRemovalPolicy(st, owner, arg, call.span);
    return;
  }
  const m = effectMethod(owner.call?.spec, call.method);
  if (!m) return;
  if (m.kind === 'ingress') {
    const rules = m.rules(call.args());
    if (rules) addIngress(st, owner.logicalId, rules, call.span);
    return;
  }
  const arg = call.args()[0];
  if (!arg) return;
  // Appends to a known list; a list that is already unknown stays unknown.
  if (m.kind === 'append') owner.draft.append(m.path, m.item(arg), call.span);
  else addPolicyStatement(st, owner, m, arg, call.span);
}

/** Replaces what the props (or the default) said; an unknown argument makes both attributes unknown. */
function applyRemovalPolicy<S extends Syntax>(st: ModelState<S>, owner: Pending<S>, arg: CdkValue, span: Span) {
  owner.attributes.clear();
  st.setRemoval(owner, enumMember(arg, 'core', 'RemovalPolicy'), arg.node.getText(), span);
  if (owner.call) st.removalCalls.add(owner.logicalId);
}

/**
 * A statement for the construct's resource policy: appended to the policy it already has (the one `enforceSSL` makes,
 * whose logical ID has the same `Policy` suffix), or to a new one.
 */
function addPolicyStatement<S extends Syntax>(
  st: ModelState<S>,
  owner: Pending<S>,
  m: PolicyMethod,
  arg: CdkValue,
  span: Span,
) {
  const statement = m.statement(arg, owner.logicalId);
  const policyId = `${owner.logicalId}Policy`;
  let policy = st.resources.get(policyId);
  if (policy && policy.origin !== owner.logicalId) policy = undefined;
  if (!policy) {
    policy = st.add(st.uniqueId(policyId), m.policy.type, span, span, owner.logicalId);
    policy.draft.set([m.policy.refKey], policyOwnerRef(m.policy.refKey, owner.logicalId), span);
    policy.draft.set(['PolicyDocument', 'Version'], '2012-10-17', span);
  }
  policy.draft.append(['PolicyDocument', 'Statement'], statement, span);
}
