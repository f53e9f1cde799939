import { FixValue } from '../../fixes/spec';
import { Arg, phrase } from '../../i18n/text';
import { Cidr, Exposure, internetExposure, isEverything, parseCidr } from '../../model/cidr';
import { get, Node, scalarString } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { anchorOf, asNumber, nodeOutcomes, refTarget, UNKNOWN } from '../support/outcomes';
import { RuleContext } from '../types';

import { branchesAt, expandIf } from '../../model/evaluate';
import { isMap, isSeq } from '../../model/node';

import { Rule } from '../types';

/**
 * Reports an ingress rule that opens an admin port to a source range holding a large part of the public internet
 * (model/cidr.ts says how much, and why). Prefix lists and security-group sources are unknown: never reported.
 */
function checkIngress(ctx: RuleContext, r: Resource, rule: Node, group: Resource | undefined): void {
  const port = exposedPort(ctx, rule);
  if (!port) return;
  const vpc = vpcOfGroup(ctx.template, group);
  for (const [key, family] of [
    ['CidrIp', 4],
    ['CidrIpv6', 6],
  ] as const) {
    for (const o of nodeOutcomes(ctx, rule, [key])) {
      // Unknown values, malformed ranges and ranges of the other family are unknown: never reported.
      if (o.value === UNKNOWN || typeof o.value !== 'string') continue;
      const range = parseCidr(o.value);
      const exposure = range?.family === family ? internetExposure(range) : undefined;
      if (!range || !exposure) continue;
      const replacement: FixValue = vpc ? { 'Fn::GetAtt': [vpc, 'CidrBlock'] } : '10.0.0.0/8';
      const ports = port === 'all' ? phrase('allPorts') : phrase('ports', { ports: port });
      // Narrowing the group of an internet-facing load balancer to the VPC would take the service off the internet.
      const facing = publicLoadBalancer(ctx, group);
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { cidr: describeRange(o.value, range, exposure), port: ports },
        fix:
          key === 'CidrIp' && !o.via.length && o.anchor && !facing
            ? { kind: 'replace', node: o.anchor, value: replacement }
            : undefined,
        noFix: facing ? phrase('noFixPublicLoadBalancer', { name: facing }) : undefined,
      });
    }
  }
}

/** An internet-facing load balancer (in any stack) that uses this security group, by logical ID. */
function publicLoadBalancer(ctx: RuleContext, group: Resource | undefined): string | undefined {
  if (!group) return undefined;
  const lbs = ctx.project
    .referrers(group)
    .filter(
      x =>
        (x.resource.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && x.path === 'SecurityGroups') ||
        (x.resource.type === 'AWS::ElasticLoadBalancing::LoadBalancer' && x.path === 'SecurityGroups'),
    );
  // Scheme defaults to internet-facing; only a literal `internal` makes the load balancer private.
  return lbs.find(x => scalarString(get(x.resource.properties, 'Scheme')) !== 'internal')?.resource.logicalId;
}

/** The VPC (in this template) whose CIDR a security group should be limited to. */
function vpcOfGroup(t: Template, group: Resource | undefined): string | undefined {
  const target = refTarget(get(group?.properties, 'VpcId'));
  return target && !target.attribute && t.byId.get(target.id)?.type === 'AWS::EC2::VPC' ? target.id : undefined;
}

/** The admin ports an ingress rule opens (`22 (SSH), …`), `'all'` for every port, undefined when none or unknown. */
function exposedPort(ctx: RuleContext, rule: Node): string | undefined {
  const protocols = nodeOutcomes(ctx, rule, ['IpProtocol']);
  if (protocols.length !== 1 || protocols[0].value === UNKNOWN) return undefined;
  const proto = String(protocols[0].value ?? '').toLowerCase();
  if (proto === '-1' || proto === 'all') return 'all';
  if (!['tcp', 'udp', '6', '17'].includes(proto)) return undefined;
  const num = (key: string) => {
    const o = nodeOutcomes(ctx, rule, [key]);
    return o.length === 1 ? asNumber(o[0].value) : UNKNOWN;
  };
  const from = num('FromPort');
  const to = num('ToPort');
  if (from === UNKNOWN || to === UNKNOWN) return undefined;
  if (from === undefined || to === undefined || from === -1) return 'all';
  if (from <= 0 && to >= 65535) return 'all';
  const hits = ADMIN_PORTS.filter(([p]) => p >= from && p <= to).sort((a, b) => a[0] - b[0]);
  return hits.length ? hits.map(([p, name]) => `${p} (${name})`).join(', ') : undefined;
}

/** `0.0.0.0/0` names itself; any other range says why it counts as the internet ("0.0.0.0/1 (covers 50% of IPv4)"). */
function describeRange(text: string, range: Cidr, exposure: Exposure): Arg {
  if (isEverything(range)) return text;
  const args = { cidr: text, family: exposure.family };
  switch (exposure.kind) {
    case 'all':
      return phrase('cidrAllPublic', args);
    case 'share':
      return phrase('cidrShare', { ...args, share: percent(exposure.share) });
    case 'blocks':
      return phrase('cidrPublicBlocks', { ...args, count: grouped(exposure.blocks), prefix: exposure.prefix });
  }
}

/** 0.5 → "50%", 0.0078125 → "0.78%": at most three significant digits. */
function percent(share: number): string {
  return `${Number((share * 100).toPrecision(3))}%`;
}

/** 1048576n → "1,048,576". */
function grouped(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+$)/g, ',');
}

/** Ports that reach administration or data stores: never open to the whole internet. */
const ADMIN_PORTS: [number, string][] = [
  [22, 'SSH'],
  [3389, 'RDP'],
  [3306, 'MySQL'],
  [5432, 'PostgreSQL'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [5439, 'Redshift'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
  [9200, 'OpenSearch'],
  [2049, 'NFS'],
];

export const rule: Rule = {
  id: 'ec2-sg-open-admin-port',
  runsOn: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  checkResource(r, ctx) {
    if (r.type === 'AWS::EC2::SecurityGroupIngress') {
      const target = refTarget(get(r.properties, 'GroupId'));
      const group = target ? ctx.template.byId.get(target.id) : undefined;
      if (r.properties) checkIngress(ctx, r, r.properties, group);
      return;
    }
    for (const list of branchesAt(r.node, ['Properties', 'SecurityGroupIngress'])) {
      if (!isSeq(list.node)) continue;
      for (const item of list.node.items)
        for (const b of expandIf(item)) if (isMap(b.node)) checkIngress(ctx, r, b.node, r);
    }
  },
};
