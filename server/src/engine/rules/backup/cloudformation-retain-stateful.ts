import { phrase } from '../../i18n/text';
import { get } from '../../model/node';
import { DB_CLUSTER, DB_INSTANCE } from '../support/rds';

import { FixSpec } from '../../fixes/spec';
import { Arg } from '../../i18n/text';
import { ScalarOutcome } from '../../model/evaluate';
import { Resource } from '../../model/template';

import { anchorOf, scalarOutcomesOf, UNKNOWN } from '../support/outcomes';
import { isClusterMember } from '../support/rds';
import { Rule } from '../types';

function policyTitle(attributes: string, keep: string) {
  return phrase('setAttributesTo', { attributes: attributes.split(', '), value: keep });
}

const STATEFUL: Record<string, Stateful> = {
  [DB_INSTANCE]: { snapshot: true, deletionDefault: 'Snapshot' },
  [DB_CLUSTER]: { snapshot: true, deletionDefault: 'Snapshot' },
  'AWS::DynamoDB::Table': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::DynamoDB::GlobalTable': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::EFS::FileSystem': { snapshot: false, deletionDefault: 'Delete' },
  'AWS::EC2::Volume': { snapshot: true, deletionDefault: 'Delete' },
};

interface Stateful {
  snapshot: boolean;
  deletionDefault: string;
}

/** Stack deletion or a replacing update must not silently delete stored patient data. */
export const rule: Rule = {
  id: 'cloudformation-retain-stateful',
  runsOn: Object.keys(STATEFUL),
  checkResource(r: Resource, ctx) {
    if (isClusterMember(r)) return; // the cluster holds the data
    const kind = STATEFUL[r.type];
    const keep = kind.snapshot ? 'Snapshot' : 'Retain';
    const deleting: Array<{ attribute: string; o: ScalarOutcome; value: Arg; fix?: FixSpec }> = [];
    for (const attribute of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      for (const o of scalarOutcomesOf(ctx, get(r.node, attribute))) {
        if (o.value === UNKNOWN) continue;
        const policy =
          o.value === undefined || o.value === null
            ? attribute === 'DeletionPolicy'
              ? kind.deletionDefault
              : 'Delete'
            : String(o.value);
        if (policy !== 'Delete') continue;
        deleting.push({
          attribute,
          o,
          value: o.value === undefined ? phrase('notSetSoDefault', { value: 'Delete' }) : policy,
          fix:
            o.value === undefined || !o.anchor
              ? { kind: 'set', resource: r, path: [attribute], value: keep, title: policyTitle(attribute, keep) }
              : { kind: 'replace', node: o.anchor, value: keep, title: policyTitle(attribute, keep) },
        });
      }
    }
    // Both attributes missing (or both set by one CDK removalPolicy) point at the same place: one finding, one fix.
    const [a, b] = deleting;
    const at = (x: typeof a) => anchorOf(r, x.o);
    if (deleting.length === 2 && a.fix && b.fix && at(a).start === at(b).start && at(a).end === at(b).end) {
      const both = `${a.attribute}, ${b.attribute}`;
      ctx.report({
        at: at(a),
        args: { attribute: both, value: a.value, keep },
        fix: { ...a.fix, title: policyTitle(both, keep), also: [b.fix] },
      });
      return;
    }
    for (const d of deleting)
      ctx.report({
        at: anchorOf(r, d.o),
        via: d.o.via,
        args: { attribute: d.attribute, value: d.value, keep },
        fix: d.fix,
      });
  },
};
