import { get, Node, scalarString } from '../../model/node';
import { Resource } from '../../model/template';
import { itemsOf } from '../support/outcomes';

import { nodeOutcomes, policyStatements } from '../support/outcomes';
import { Rule } from '../types';

const isStar = (n: Node) => scalarString(n) === '*';

/**
 * Every policy document a resource carries: its own (`Policy`, `ManagedPolicy`) and inline `Policies[]` (Role, User,
 * Group).
 */
function policyDocuments(r: Resource): Node[] {
  const own = get(r.properties, 'PolicyDocument');
  const inline = itemsOf(get(r.properties, 'Policies')).map(p => get(p, 'PolicyDocument'));
  return [own, ...inline].filter((d): d is Node => d !== undefined);
}

export const rule: Rule = {
  id: 'iam-policy-admin-wildcard',
  runsOn: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  checkResource(r, ctx) {
    for (const doc of policyDocuments(r)) {
      for (const s of policyStatements(doc)) {
        if (!nodeOutcomes(ctx, s, ['Effect']).every(o => o.value === 'Allow')) continue;
        const action = get(s, 'Action');
        if (!itemsOf(action).some(isStar) || !itemsOf(get(s, 'Resource')).some(isStar)) continue;
        ctx.report({ at: action ?? s });
      }
    }
  },
};
