import { phrase } from '../i18n/text';
import { branchesAt, expandIf } from '../model/evaluate';
import { get, isMap, isSeq, Node } from '../model/node';
import { Resource, Template } from '../model/template';
import {
  anchorOf,
  asNumber,
  nodeOutcomes,
  notSet,
  propertyOutcomes,
  refTarget,
  requireNotTrue,
  UNKNOWN,
} from './helpers';
import { FixValue } from '../fixes/spec';
import { Rule, RuleContext } from './types';
import { exposureRules } from './exposure';

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
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);

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

/** The VPC (in this template) whose CIDR a security group should be limited to. */
function vpcOfGroup(t: Template, group: Resource | undefined): string | undefined {
  const target = refTarget(get(group?.properties, 'VpcId'));
  return target && !target.attribute && t.byId.get(target.id)?.type === 'AWS::EC2::VPC' ? target.id : undefined;
}

function checkIngress(ctx: RuleContext, r: Resource, rule: Node, group: Resource | undefined): void {
  const port = exposedPort(ctx, rule);
  if (!port) return;
  const vpc = vpcOfGroup(ctx.template, group);
  for (const key of ['CidrIp', 'CidrIpv6']) {
    for (const o of nodeOutcomes(ctx, rule, [key])) {
      if (o.value === UNKNOWN || o.value === undefined || !ANYWHERE.has(String(o.value))) continue;
      const replacement: FixValue = vpc ? { 'Fn::GetAtt': [vpc, 'CidrBlock'] } : '10.0.0.0/8';
      const ports = port === 'all' ? phrase('allPorts') : phrase('ports', { ports: port });
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { cidr: String(o.value), port: ports },
        fix:
          key === 'CidrIp' && !o.via.length && o.anchor
            ? { kind: 'replace', node: o.anchor, value: replacement }
            : undefined,
      });
    }
  }
}

const openAdminPort: Rule = {
  id: 'ec2-sg-open-admin-port',
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
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

const rdsPublic: Rule = {
  id: 'rds-publicly-accessible',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  checkResource(r, ctx) {
    requireNotTrue(ctx, r, ['PubliclyAccessible']);
  },
};

const redshiftPublic: Rule = {
  id: 'redshift-publicly-accessible',
  resourceTypes: ['AWS::Redshift::Cluster'],
  checkResource(r, ctx) {
    requireNotTrue(ctx, r, ['PubliclyAccessible']);
  },
};

const openSearchVpc: Rule = {
  id: 'opensearch-vpc',
  resourceTypes: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  checkResource(r, ctx) {
    for (const b of branchesAt(r.node, ['Properties', 'VPCOptions'])) {
      if (b.node !== undefined) continue;
      ctx.report({ at: b.via.length && b.anchor ? b.anchor : { start: r.idStart, end: r.idEnd }, via: b.via });
    }
  },
};

/** `NetworkInterfaces[].AssociatePublicIpAddress: true` on an instance or a launch template. */
const publicIp: Rule = {
  id: 'ec2-public-ip',
  resourceTypes: ['AWS::EC2::Instance', 'AWS::EC2::LaunchTemplate'],
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
            fix: via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: false },
          });
        }
      }
    }
  },
};

/** `!GetAtt Vpc.DefaultSecurityGroup` anywhere: the default group allows all traffic between its members. */
const defaultSecurityGroup: Rule = {
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

const launchTemplateImds: Rule = {
  id: 'ec2-launch-template-imdsv2',
  resourceTypes: ['AWS::EC2::LaunchTemplate'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'])) {
      if (o.value === UNKNOWN || o.value === 'required') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? 'optional' : String(o.value) },
        fix: o.via.length
          ? undefined
          : {
              kind: 'set',
              resource: r,
              path: ['Properties', 'LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
              value: 'required',
            },
      });
    }
  },
};

const instanceImds: Rule = {
  id: 'ec2-instance-imdsv2',
  resourceTypes: ['AWS::EC2::Instance'],
  checkResource(r, ctx) {
    // A launch template decides when the instance names one (checked by ec2-launch-template-imdsv2); otherwise the
    // instance's own MetadataOptions.HttpTokens must be `required`.
    if (get(r.properties, 'LaunchTemplate') !== undefined) return;
    for (const o of propertyOutcomes(ctx, r, ['MetadataOptions', 'HttpTokens'])) {
      if (o.value === UNKNOWN || o.value === 'required') continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? notSet() : String(o.value) },
        fix: o.via.length
          ? undefined
          : { kind: 'set', resource: r, path: ['Properties', 'MetadataOptions', 'HttpTokens'], value: 'required' },
      });
    }
  },
};

export const networkRules: Rule[] = [
  openAdminPort,
  rdsPublic,
  redshiftPublic,
  openSearchVpc,
  publicIp,
  defaultSecurityGroup,
  launchTemplateImds,
  instanceImds,
  ...exposureRules,
];
