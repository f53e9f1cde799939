import { branchesAt } from '../../model/evaluate';
import { isSeq } from '../../model/node';
import { anchorOf, nodeOutcomes } from '../support/outcomes';
import { Rule } from '../types';

/** `NetworkInterfaces[].AssociatePublicIpAddress: true` on an instance or a launch template. */
export const rule: Rule = {
  id: 'ec2-public-ip',
  runsOn: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
  checkResource(r, ctx) {
    const path =
      r.type === 'AWS::EC2::Instance'
        ? ['Properties', 'NetworkInterfaces']
        : ['Properties', 'LaunchTemplateData', 'NetworkInterfaces'];
    for (const list of branchesAt(r.node, path)) {
      if (!isSeq(list.node)) continue;
      for (const nic of list.node.items) {
        for (const o of nodeOutcomes(ctx, nic, ['AssociatePublicIpAddress'])) {
          if (o.value !== true && o.value !== 'true') continue;
          const via = [...list.via, ...o.via];
          ctx.report({
            at: anchorOf(r, o),
            via,
            fix: !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: false },
          });
        }
      }
    }
  },
};
