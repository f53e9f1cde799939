/**
 * CIDR ranges (IPv4 and IPv6) and how much of the public internet a source range lets in.
 *
 * A range counts as open to the internet when the public addresses it contains add up to at least a /8 for IPv4
 * (2^24 addresses: one of the 256 largest blocks ever allocated, as large as a whole RIR or carrier block) or a /32
 * for IPv6 (2^96 addresses: the standard allocation to a whole ISP, with all its customers). Public means outside the
 * special-purpose blocks of the IANA registries: RFC 1918 private space, shared address space (100.64.0.0/10, carrier
 * NAT), loopback, link-local, documentation, benchmarking, multicast and reserved space for IPv4; for IPv6 everything
 * outside global unicast 2000::/3 (unique local fc00::/7, link-local, multicast…) and, inside it, the IETF protocol
 * (2001::/23) and documentation (2001:db8::/32, 3fff::/20) blocks. So 0.0.0.0/1 (half of IPv4) and 11.0.0.0/8 count,
 * 10.0.0.0/8 and a /9 do not; ::/0 and 2000::/3 count, fc00::/7 and a /33 do not. Smaller ranges are allow-lists whose
 * owner a template cannot show; judging them is left to the reviewer.
 */

export type Family = 4 | 6;

export interface Cidr {
  family: Family;
  /** The network address (host bits cleared). */
  network: bigint;
  prefix: number;
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };

/** Parses `a.b.c.d/n` or an IPv6 address with `/n`; undefined for anything malformed (which is unknown, never open). */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/\s]+)\/(0|[1-9]\d{0,2})$/.exec(text);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const v4 = parseIpv4(m[1]);
  if (v4 !== undefined) return prefix <= 32 ? make(4, v4, prefix) : undefined;
  const v6 = parseIpv6(m[1]);
  if (v6 !== undefined) return prefix <= 128 ? make(6, v6, prefix) : undefined;
  return undefined;
}

function make(family: Family, address: bigint, prefix: number): Cidr {
  const host = BigInt(BITS[family] - prefix);
  return { family, network: (address >> host) << host, prefix };
}

function parseIpv4(s: string): bigint | undefined {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every(p => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

function parseIpv6(s: string): bigint | undefined {
  let text = s.toLowerCase();
  let tail: bigint[] = [];
  const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const v4 = parseIpv4(dotted[2]);
    if (v4 === undefined) return undefined;
    tail = [v4 >> 16n, v4 & 0xffffn];
    text = dotted[1].endsWith('::') ? dotted[1] : dotted[1].slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]);
  const rest = halves.length === 2 ? groups(halves[1]) : [];
  if (![...head, ...rest].every(g => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
  const written = head.length + rest.length + tail.length;
  if (halves.length === 1 ? written !== 8 : written > 7) return undefined;
  const all = [
    ...head.map(g => BigInt(`0x${g}`)),
    ...Array<bigint>(8 - written).fill(0n),
    ...rest.map(g => BigInt(`0x${g}`)),
    ...tail,
  ];
  return all.reduce((n, g) => (n << 16n) | g, 0n);
}

/** Number of addresses in a range. */
export function size(c: Cidr): bigint {
  return 1n << BigInt(BITS[c.family] - c.prefix);
}

/** Whether `outer` contains all of `inner` (same family). */
export function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.family !== inner.family || outer.prefix > inner.prefix) return false;
  const host = BigInt(BITS[outer.family] - outer.prefix);
  return inner.network >> host === outer.network >> host;
}

const cidrs = (list: string[]) => list.map(s => parseCidr(s)!);

/** IPv4 special-purpose blocks (IANA registry, RFC 6890 and successors): not reachable as the public internet. */
const IPV4_SPECIAL = cidrs([
  '0.0.0.0/8',
  '10.0.0.0/8',
  '100.64.0.0/10',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '172.16.0.0/12',
  '192.0.0.0/24',
  '192.0.2.0/24',
  '192.88.99.0/24',
  '192.168.0.0/16',
  '198.18.0.0/15',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '224.0.0.0/4',
  '240.0.0.0/4',
]);

/** IPv6 public space: global unicast, less its special-purpose blocks. */
const IPV6_GLOBAL = parseCidr('2000::/3')!;
const IPV6_SPECIAL = cidrs(['2001::/23', '2001:db8::/32', '3fff::/20']);

/** The public addresses of the whole family, for "all public addresses". */
const PUBLIC_TOTAL: Record<Family, bigint> = {
  4: (1n << 32n) - IPV4_SPECIAL.reduce((n, c) => n + size(c), 0n),
  6: size(IPV6_GLOBAL) - IPV6_SPECIAL.reduce((n, c) => n + size(c), 0n),
};

/** Threshold prefix: a range open to the internet holds at least this much public space (see the module comment). */
export const OPEN_PREFIX: Record<Family, number> = { 4: 8, 6: 32 };

/** How many public addresses a range contains. Special-purpose blocks do not overlap one another. */
export function publicAddresses(c: Cidr): bigint {
  const special = c.family === 4 ? IPV4_SPECIAL : IPV6_SPECIAL;
  // Inside the range, or the range inside the block: CIDR blocks either nest or are disjoint.
  const minus = (blocks: Cidr[], within: Cidr) =>
    blocks.reduce((n, b) => n + (contains(within, b) ? size(b) : contains(b, within) ? size(within) : 0n), 0n);
  if (c.family === 4) return size(c) - minus(special, c);
  const global = contains(c, IPV6_GLOBAL) ? IPV6_GLOBAL : contains(IPV6_GLOBAL, c) ? c : undefined;
  return global ? size(global) - minus(special, global) : 0n;
}

/** Why a range is open to the internet, for messages; undefined when it is not. */
export type Exposure =
  /** It holds every public address of its family (`0.0.0.0/0`, `::/0`, `2000::/3`). */
  | { kind: 'all'; family: Family }
  /** It covers `share` (0..1) of the family's whole address space, at least 1%. */
  | { kind: 'share'; family: Family; share: number }
  /** It holds `blocks` (≥ 1) times the threshold's worth of public addresses. */
  | { kind: 'blocks'; family: Family; blocks: bigint; prefix: number };

export function internetExposure(c: Cidr): Exposure | undefined {
  const pub = publicAddresses(c);
  const threshold = 1n << BigInt(BITS[c.family] - OPEN_PREFIX[c.family]);
  if (pub < threshold) return undefined;
  if (pub >= PUBLIC_TOTAL[c.family]) return { kind: 'all', family: c.family };
  const share = Number(size(c)) / 2 ** BITS[c.family];
  if (share >= 0.01) return { kind: 'share', family: c.family, share };
  return { kind: 'blocks', family: c.family, blocks: pub / threshold, prefix: OPEN_PREFIX[c.family] };
}

/** `0.0.0.0/0` or `::/0`: the range says by itself that it is the whole internet. */
export function isEverything(c: Cidr): boolean {
  return c.prefix === 0;
}
