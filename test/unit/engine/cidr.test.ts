import * as assert from 'assert';
import {
  contains,
  internetExposure,
  OPEN_PREFIX,
  parseCidr,
  publicAddresses,
  size,
} from '../../../server/src/engine/model/cidr';

const cidr = (s: string) => {
  const c = parseCidr(s);
  assert.ok(c, `${s} should parse`);
  return c;
};
/** The exposure as plain JSON (bigints as strings), or null when the range is not open to the internet. */
const exposure = (s: string) =>
  JSON.parse(JSON.stringify(internetExposure(cidr(s)) ?? null, (_, v) => (typeof v === 'bigint' ? String(v) : v)));

describe('CIDR ranges', () => {
  it('parses IPv4 and IPv6 ranges, clearing host bits', () => {
    assert.deepStrictEqual(parseCidr('10.1.2.3/8'), { family: 4, network: 0x0a000000n, prefix: 8 });
    assert.deepStrictEqual(parseCidr('0.0.0.0/0'), { family: 4, network: 0n, prefix: 0 });
    assert.deepStrictEqual(parseCidr('255.255.255.255/32'), { family: 4, network: 0xffffffffn, prefix: 32 });
    assert.deepStrictEqual(parseCidr('::/0'), { family: 6, network: 0n, prefix: 0 });
    assert.deepStrictEqual(parseCidr('2001:DB8::1/32'), { family: 6, network: 0x20010db8n << 96n, prefix: 32 });
    assert.deepStrictEqual(parseCidr('::ffff:192.0.2.1/128'), { family: 6, network: 0xffffc0000201n, prefix: 128 });
    assert.deepStrictEqual(parseCidr('1:2:3:4:5:6:7:8/64'), {
      family: 6,
      network: 0x0001000200030004n << 64n,
      prefix: 64,
    });
    assert.deepStrictEqual(parseCidr('1:2:3:4:5:6:7::/112')?.network, 0x0001000200030004000500060007n << 16n);
  });

  it('malformed text is no range (and so never judged open)', () => {
    for (const s of [
      '',
      '0.0.0.0',
      '0.0.0.0/',
      '0.0.0.0/33',
      '0.0.0.0/08',
      '0.0.0.0/-1',
      ' 0.0.0.0/0',
      '0.0.0.0/0 ',
      '256.0.0.0/8',
      '01.0.0.0/8',
      '1.2.3/8',
      '1.2.3.4.5/8',
      'any',
      '::/129',
      ':::/0',
      '1::2::3/64',
      '1:2:3:4:5:6:7:8:9/64',
      '1:2:3:4:5:6:7:8::/64',
      '12345::/16',
      'fe80::1%eth0/64',
      '::ffff:1.2.3.256/128',
      'g::/8',
    ])
      assert.strictEqual(parseCidr(s), undefined, JSON.stringify(s));
  });

  it('sizes and containment', () => {
    assert.strictEqual(size(cidr('0.0.0.0/0')), 1n << 32n);
    assert.strictEqual(size(cidr('10.0.0.0/8')), 1n << 24n);
    assert.strictEqual(size(cidr('::/0')), 1n << 128n);
    assert.ok(contains(cidr('0.0.0.0/1'), cidr('10.0.0.0/8')));
    assert.ok(!contains(cidr('10.0.0.0/8'), cidr('0.0.0.0/1')));
    assert.ok(!contains(cidr('128.0.0.0/1'), cidr('10.0.0.0/8')));
    assert.ok(!contains(cidr('::/0'), cidr('0.0.0.0/0')), 'families never contain each other');
  });

  it('counts public addresses: RFC 1918, shared (CGN) and reserved space are not public', () => {
    assert.strictEqual(publicAddresses(cidr('10.0.0.0/8')), 0n);
    assert.strictEqual(publicAddresses(cidr('172.16.0.0/12')), 0n);
    assert.strictEqual(publicAddresses(cidr('192.168.0.0/16')), 0n);
    assert.strictEqual(publicAddresses(cidr('100.64.0.0/10')), 0n);
    assert.strictEqual(publicAddresses(cidr('127.0.0.0/8')), 0n);
    assert.strictEqual(publicAddresses(cidr('224.0.0.0/3')), 0n, 'multicast and reserved');
    assert.strictEqual(publicAddresses(cidr('10.1.0.0/16')), 0n, 'a range inside a private block');
    assert.strictEqual(publicAddresses(cidr('11.0.0.0/8')), 1n << 24n);
    // 0.0.0.0/1 holds 0/8, 10/8, 100.64/10 and 127/8: 2^31 less 3.25 × 2^24.
    assert.strictEqual(publicAddresses(cidr('0.0.0.0/1')), (1n << 31n) - 13n * (1n << 22n));
    assert.strictEqual(publicAddresses(cidr('fc00::/7')), 0n, 'unique local');
    assert.strictEqual(publicAddresses(cidr('fe80::/10')), 0n, 'link-local');
    assert.strictEqual(publicAddresses(cidr('2001:db8::/32')), 0n, 'documentation');
    assert.strictEqual(publicAddresses(cidr('2a00:1450::/32')), 1n << 96n);
    assert.strictEqual(publicAddresses(cidr('::/0')), publicAddresses(cidr('2000::/3')));
  });

  it('open to the internet: at least a /8 of public IPv4 or a /32 of public IPv6', () => {
    assert.deepStrictEqual(OPEN_PREFIX, { 4: 8, 6: 32 });
    assert.deepStrictEqual(exposure('0.0.0.0/0'), { kind: 'all', family: 4 });
    assert.deepStrictEqual(exposure('0.0.0.0/1'), { kind: 'share', family: 4, share: 0.5 });
    assert.deepStrictEqual(exposure('128.0.0.0/1'), { kind: 'share', family: 4, share: 0.5 });
    assert.deepStrictEqual(exposure('11.0.0.0/8'), { kind: 'blocks', family: 4, blocks: '1', prefix: 8 });
    assert.deepStrictEqual(exposure('8.0.0.0/7'), { kind: 'blocks', family: 4, blocks: '2', prefix: 8 });
    assert.strictEqual(exposure('11.0.0.0/9'), null, 'a /9 is below the threshold');
    assert.strictEqual(exposure('10.0.0.0/8'), null, 'private');
    assert.strictEqual(exposure('0.0.0.0/8'), null, '"this network"');
    assert.strictEqual(exposure('100.64.0.0/10'), null, 'carrier-grade NAT');
    assert.strictEqual(exposure('203.0.113.0/24'), null);
    assert.deepStrictEqual(exposure('::/0'), { kind: 'all', family: 6 });
    assert.deepStrictEqual(exposure('::/1'), { kind: 'all', family: 6 }, 'holds all of 2000::/3');
    assert.deepStrictEqual(exposure('2000::/3'), { kind: 'all', family: 6 });
    assert.deepStrictEqual(exposure('2000::/4'), { kind: 'share', family: 6, share: 0.0625 });
    assert.deepStrictEqual(exposure('2400::/12'), { kind: 'blocks', family: 6, blocks: String(1 << 20), prefix: 32 });
    assert.deepStrictEqual(exposure('2a00:1450::/32'), { kind: 'blocks', family: 6, blocks: '1', prefix: 32 });
    assert.strictEqual(exposure('2a00:1450::/33'), null);
    assert.strictEqual(exposure('fc00::/7'), null);
    assert.strictEqual(exposure('2001:db8::/32'), null);
    assert.strictEqual(exposure('::ffff:0:0/96'), null, 'IPv4-mapped addresses are not IPv6 sources');
  });
});
