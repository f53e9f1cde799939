import { isMap, isSeq, Node } from '../../model/node';
import { refTarget } from '../support/outcomes';
import { Rule } from '../types';

/** `!GetAtt Vpc.DefaultSecurityGroup` anywhere: the default group allows all traffic between its members. */
export const rule: Rule = {
  id: 'ec2-default-security-group',
  checkTemplate(t, ctx) {
    for (const r of t.resources) {
      const visit = (n: Node) => {
        const target = refTarget(n);
        if (target?.attribute === 'DefaultSecurityGroup') {
          ctx.report({ resource: r, at: n, args: { vpc: target.id } });
          return;
        }
        if (isMap(n)) n.entries.forEach(e => visit(e.value));
        else if (isSeq(n)) n.items.forEach(visit);
      };
      if (r.properties) visit(r.properties);
    }
  },
};
