import type * as TS from 'typescript';
import { Cfn, Opaque } from './cfn-value';
import { opaqueOf } from './mapping';
import { resolveRef } from './imports';
import { evaluate, TsValue, ValueEnv } from './values';

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
export function peerOf(v: TsValue): Record<string, Cfn> {
  if (v.kind === 'call' && v.ref.module === 'aws-ec2' && v.ref.path[0] === 'Peer') {
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
  return { SourceSecurityGroupId: opaqueOf(v) };
}

/** `ec2.Port.tcp(22)` → protocol and port range; anything else is unknown. */
export function portOf(v: TsValue | undefined): Record<string, Cfn> {
  const unknown = (why: Cfn) => ({ IpProtocol: why, FromPort: why, ToPort: why });
  if (!v) return unknown(new Opaque('default port'));
  const n = (i: number) => {
    const a = v.kind === 'call' ? v.args[i] : undefined;
    return a?.kind === 'literal' && typeof a.value === 'number' ? a.value : a ? opaqueOf(a) : new Opaque('port');
  };
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

/**
 * Ingress rules a method call adds: `sg.addIngressRule(peer, port)`, `x.connections.allowFrom(peer, port)`,
 * `allowFromAnyIpv4(port)`, `allowDefaultPortFrom(peer)`, `allowDefaultPortFromAnyIpv4()`. `target` is the construct
 * whose group receives them.
 */
export function ingressFromCall(env: ValueEnv, call: TS.CallExpression): { target: string; rules: Cfn[] } | undefined {
  const { ts } = env;
  if (!ts.isPropertyAccessExpression(call.expression)) return undefined;
  const method = call.expression.name.text;
  let receiver = call.expression.expression;
  const viaConnections = ts.isPropertyAccessExpression(receiver) && receiver.name.text === 'connections';
  if (viaConnections) receiver = (receiver as TS.PropertyAccessExpression).expression;
  const target = env.constructName(receiver);
  if (!target) return undefined;
  if (!viaConnections && method !== 'addIngressRule') return undefined;
  if (resolveRef(ts, env.imports, call.expression)) return undefined;
  const args = call.arguments.map(a => evaluate(env, a));
  const described = (i: number): Record<string, Cfn> => {
    const a = args[i];
    return a?.kind === 'literal' && typeof a.value === 'string' ? { Description: a.value } : {};
  };
  switch (method) {
    case 'addIngressRule':
      return args.length >= 2
        ? { target, rules: [{ ...peerOf(args[0]), ...portOf(args[1]), ...described(2) }] }
        : undefined;
    case 'allowFrom':
      return viaConnections && args.length >= 2
        ? { target, rules: [{ ...peerOf(args[0]), ...portOf(args[1]), ...described(2) }] }
        : undefined;
    case 'allowFromAnyIpv4':
      return viaConnections ? { target, rules: [{ ...ANY_IPV4, ...portOf(args[0]), ...described(1) }] } : undefined;
    case 'allowDefaultPortFrom':
      return viaConnections && args.length >= 1
        ? { target, rules: [{ ...peerOf(args[0]), ...portOf(undefined), ...described(1) }] }
        : undefined;
    case 'allowDefaultPortFromAnyIpv4':
      return viaConnections ? { target, rules: [{ ...ANY_IPV4, ...portOf(undefined), ...described(0) }] } : undefined;
    default:
      return undefined;
  }
}
