/** aws-ec2 networking: `SecurityGroup` and its ingress, `Vpc` and its flow logs, every construct's `connections`. */
import { ABSENT, Cfn, Opaque } from '../cfn-value';
import { CdkValue, enumMember, isFalse, isTrue, opaqueOf, propOf } from '../cdk-value';
import { opaque, str } from './props';
import { Companion, CompanionSpec, ConstructSpec, IngressMethod } from './types';

const NAMED_PORTS: Record<string, number> = {
  SSH: 22,
  SMTP: 25,
  DNS_UDP: 53,
  DNS_TCP: 53,
  HTTP: 80,
  POP3: 110,
  IMAP: 143,
  LDAP: 389,
  HTTPS: 443,
  SMB: 445,
  IMAPS: 993,
  POP3S: 995,
  MSSQL: 1433,
  NFS: 2049,
  MYSQL_AURORA: 3306,
  RDP: 3389,
  POSTGRES: 5432,
};

/** `ec2.Peer.anyIpv4()` → `{CidrIp: '0.0.0.0/0'}`; another group or prefix list → a source we do not expand. */
export function peerOf(v: CdkValue): Record<string, Cfn> {
  if (v.kind !== 'call' || v.ref.module !== 'aws-ec2' || v.ref.path[0] !== 'Peer')
    return { SourceSecurityGroupId: opaqueOf(v) };
  const arg = v.args[0];
  const text = arg?.kind === 'literal' && typeof arg.value === 'string' ? arg.value : arg ? opaqueOf(arg) : undefined;
  switch (v.ref.path[1]) {
    case 'anyIpv4':
      return { CidrIp: '0.0.0.0/0' };
    case 'anyIpv6':
      return { CidrIpv6: '::/0' };
    case 'ipv4':
      return { CidrIp: text ?? new Opaque('cidr') };
    case 'ipv6':
      return { CidrIpv6: text ?? new Opaque('cidr') };
    case 'prefixList':
      return { SourcePrefixListId: text ?? new Opaque('prefix list') };
    default:
      return { SourceSecurityGroupId: opaqueOf(v) };
  }
}

/** `ec2.Port.tcp(22)`, `ec2.Port.SSH` → protocol and port range; anything else is unknown. */
export function portOf(v: CdkValue | undefined): Record<string, Cfn> {
  const unknown = (why: Cfn) => ({ IpProtocol: why, FromPort: why, ToPort: why });
  if (!v) return unknown(new Opaque('default port'));
  if (
    v.kind === 'ref' &&
    v.ref.module === 'aws-ec2' &&
    v.ref.path[0] === 'Port' &&
    NAMED_PORTS[v.ref.path[1]] !== undefined
  ) {
    const port = NAMED_PORTS[v.ref.path[1]];
    return { IpProtocol: v.ref.path[1] === 'DNS_UDP' ? 'udp' : 'tcp', FromPort: port, ToPort: port };
  }
  if (v.kind !== 'call' || v.ref.module !== 'aws-ec2' || v.ref.path[0] !== 'Port') return unknown(opaqueOf(v));
  const n = (i: number) => {
    const a = v.args[i];
    return a?.kind === 'literal' && typeof a.value === 'number' ? a.value : a ? opaqueOf(a) : new Opaque('port');
  };
  switch (v.ref.path[1]) {
    case 'tcp':
      return { IpProtocol: 'tcp', FromPort: n(0), ToPort: n(0) };
    case 'udp':
      return { IpProtocol: 'udp', FromPort: n(0), ToPort: n(0) };
    case 'tcpRange':
      return { IpProtocol: 'tcp', FromPort: n(0), ToPort: n(1) };
    case 'udpRange':
      return { IpProtocol: 'udp', FromPort: n(0), ToPort: n(1) };
    case 'allTcp':
      return { IpProtocol: 'tcp', FromPort: 0, ToPort: 65535 };
    case 'allUdp':
      return { IpProtocol: 'udp', FromPort: 0, ToPort: 65535 };
    case 'allTraffic':
      return { IpProtocol: '-1' };
    case 'icmpPing':
      return { IpProtocol: 'icmp', FromPort: 8, ToPort: -1 };
    default:
      return unknown(opaqueOf(v));
  }
}

const ANY_IPV4: Record<string, Cfn> = { CidrIp: '0.0.0.0/0' };

/** `{ Description }` from the argument at `i` when it is a string. */
const described = (args: CdkValue[], i: number): Record<string, Cfn> => {
  const a = args[i];
  return a?.kind === 'literal' && typeof a.value === 'string' ? { Description: a.value } : {};
};

const ingress = (name: string, rules: IngressMethod['rules']): IngressMethod => ({ kind: 'ingress', name, rules });

/**
 * `x.connections.allowFrom(peer, port)` and its variants, on any construct: the rules go to its security group (its
 * own, the one in its `securityGroup` prop, or the one CDK creates for it).
 */
export const CONNECTIONS: IngressMethod[] = [
  ingress('allowFrom', a => (a.length >= 2 ? [{ ...peerOf(a[0]), ...portOf(a[1]), ...described(a, 2) }] : undefined)),
  ingress('allowFromAnyIpv4', a => [{ ...ANY_IPV4, ...portOf(a[0]), ...described(a, 1) }]),
  ingress('allowDefaultPortFrom', a =>
    a.length >= 1 ? [{ ...peerOf(a[0]), ...portOf(undefined), ...described(a, 1) }] : undefined,
  ),
  ingress('allowDefaultPortFromAnyIpv4', a => [{ ...ANY_IPV4, ...portOf(undefined), ...described(a, 0) }]),
];

export const securityGroup: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['SecurityGroup'],
  type: 'AWS::EC2::SecurityGroup',
  props: [
    opaque('vpc', ['VpcId']),
    str('description', ['GroupDescription']),
    {
      prop: 'allowAllOutbound',
      cfn: ['SecurityGroupEgress'],
      note: "true (no egress written); false writes CDK's placeholder rule that matches no traffic",
      toCfn: v =>
        isFalse(v)
          ? [
              {
                CidrIp: '255.255.255.255/32',
                Description: 'Disallow all traffic',
                FromPort: 252,
                IpProtocol: 'icmp',
                ToPort: 86,
              },
            ]
          : isTrue(v) || v.kind === 'absent'
            ? ABSENT
            : opaqueOf(v),
    },
  ],
  methods: [
    ingress('addIngressRule', a =>
      a.length >= 2 ? [{ ...peerOf(a[0]), ...portOf(a[1]), ...described(a, 2) }] : undefined,
    ),
  ],
};

/** A flow log's traffic type from its options (`trafficType`, default ALL). */
export function flowTraffic(options: CdkValue | undefined): Cfn {
  const t = propOf(options, 'trafficType');
  if (!t) return options && (options.kind !== 'object' || options.spread) ? opaqueOf(options) : 'ALL';
  const m = enumMember(t.value, 'aws-ec2', 'FlowLogTrafficType');
  return m ?? opaqueOf(t.value);
}

/** What `vpc.addFlowLog(id, options)` makes. */
const flowLog: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['FlowLog'],
  type: 'AWS::EC2::FlowLog',
  props: [],
  parentRef: ['ResourceId'],
  constants: { ResourceType: 'VPC' },
  derived: c => [{ path: ['TrafficType'], value: flowTraffic(c.props), at: c.props }],
  note: '`ResourceId` the VPC, `TrafficType` from `trafficType` (default ALL)',
};

/** `flowLogs: { name: { destination?, trafficType? } }`: one flow log each, and a log group without a destination. */
const flowLogs: CompanionSpec = {
  when: '`flowLogs`',
  types: ['AWS::EC2::FlowLog', 'AWS::Logs::LogGroup'],
  note: 'a flow log per entry; without a `destination`, a new log group: TWO_YEARS, no KMS key',
  make: (c, id) => {
    const logs = c.value('flowLogs');
    if (!logs) return [];
    const log = (suffix: string, traffic: Cfn): Companion => ({
      suffix,
      type: 'AWS::EC2::FlowLog',
      prop: 'flowLogs',
      properties: { ResourceId: { Ref: id }, ResourceType: 'VPC', TrafficType: traffic },
    });
    if (logs.kind !== 'object') return [log('FlowLog', new Opaque('flow log options'))];
    return logs.props.flatMap(p => {
      const name = `${p.key.charAt(0).toUpperCase()}${p.key.slice(1)}`;
      const out: Companion[] = [log(`FlowLog${name}`, flowTraffic(p.value))];
      if (p.value.kind === 'object' && !p.value.spread && !propOf(p.value, 'destination'))
        out.push({
          suffix: `${name}LogGroup`,
          type: 'AWS::Logs::LogGroup',
          prop: 'flowLogs',
          properties: { RetentionInDays: 731 },
        });
      return out;
    });
  },
};

export const vpc: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Vpc'],
  type: 'AWS::EC2::VPC',
  props: [opaque('ipAddresses', ['CidrBlock'])],
  companions: [flowLogs],
  methods: [{ kind: 'child', name: 'addFlowLog', creates: flowLog, idArg: 0, propsArg: 1 }],
};
