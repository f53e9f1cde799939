import { FixValue } from '../../fixes/spec';
import { get, intrinsicName, isMap, isScalar, isSeq, Node, scalarString } from '../../model/node';
import { Resource } from '../../model/template';
import { itemsOf, walk } from '../support/outcomes';

import { mentions, policyStatements, setWithin } from '../support/outcomes';
import { Rule } from '../types';

function hasKey(n: Node, text: string): boolean {
  let found = false;
  walk(n, x => {
    if (isMap(x) && x.entries.some(e => e.key.startsWith(text))) found = true;
  });
  return found;
}

const MFA_CONDITION: FixValue = 'true';

function adminPolicyOf(r: Resource): string | undefined {
  let found: string | undefined;
  for (const item of itemsOf(get(r.properties, 'ManagedPolicyArns'))) {
    walk(item, n => {
      const m = isScalar(n) && typeof n.value === 'string' ? ADMIN_POLICY.exec(n.value) : null;
      if (m && !found) found = m[1];
    });
  }
  return found;
}

/**
 * `arn:…:iam::123456789012:root`, a bare account ID, or `!Ref AWS::AccountId`: anyone in that account may assume the
 * role.
 */
function isAccountPrincipal(n: Node): boolean {
  if (intrinsicName(n) === 'Ref') return scalarString(get(n, 'Ref')) === 'AWS::AccountId';
  if (intrinsicName(n) === 'Fn::Sub') {
    const arg = get(n, 'Fn::Sub');
    return /:root$/.test(scalarString(isSeq(arg) ? arg.items[0] : arg) ?? '');
  }
  const s = scalarString(n) ?? '';
  return /^\d{12}$/.test(s) || /^arn:aws[\w-]*:iam::\d{12}:root$/.test(s);
}

const ADMIN_POLICY = /:policy\/(AdministratorAccess|PowerUserAccess)$/;

export const rule: Rule = {
  id: 'iam-role-admin-mfa',
  runsOn: ['AWS::IAM::Role'],
  checkResource(r, ctx) {
    const policy = adminPolicyOf(r);
    if (!policy) return;
    for (const s of policyStatements(get(r.properties, 'AssumeRolePolicyDocument'))) {
      if (scalarString(get(s, 'Effect')) !== 'Allow') continue;
      const principal = get(get(s, 'Principal'), 'AWS');
      if (!principal || !itemsOf(principal).some(isAccountPrincipal)) continue;
      const condition = get(s, 'Condition');
      if (
        condition !== undefined &&
        (mentions(condition, 'aws:MultiFactorAuth') || hasKey(condition, 'aws:MultiFactorAuth'))
      )
        continue;
      const fix =
        !condition || (isMap(condition) && !intrinsicName(condition))
          ? setWithin(r, s, ['Condition', 'Bool', 'aws:MultiFactorAuthPresent'], MFA_CONDITION)
          : undefined;
      ctx.report({ at: principal, args: { policy }, fix });
    }
  },
};
