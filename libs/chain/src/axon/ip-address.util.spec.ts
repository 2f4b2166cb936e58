import fc from 'fast-check';
import { loadBittensorVectors } from '@taonode/testing';
import { isChainError } from '../errors/chain.error';
import { axonIpRejection, decodeIp, encodeIp } from './ip-address.util';

interface IpVectors {
  ip_encoding: { examples: [string, number | string, number][] };
}

const vectors = loadBittensorVectors<IpVectors>();

describe('IP encoding of serve_axon', () => {
  it.each(vectors.ip_encoding.examples)('encodes %s as the SDK does (%s, v%s)', (text, integer, version) => {
    expect(encodeIp(text)).toEqual({ ip: BigInt(integer), ipType: version });
  });

  it.each(vectors.ip_encoding.examples)('decodes the u128 of %s back to the same text', (text, integer) => {
    expect(decodeIp(BigInt(integer))).toBe(text);
  });

  it('renders integers below 2^32 as dotted IPv4 whatever their type, as netaddr does', () => {
    expect(decodeIp(3325256714n)).toBe('198.51.100.10');
    expect(decodeIp(0xffff_ffffn)).toBe('255.255.255.255');
    expect(decodeIp(0x1_0000_0000n)).toBe('::1:0:0');
  });

  it('compresses only the longest run of two or more zero groups (RFC 5952)', () => {
    expect(decodeIp(encodeIp('2001:db8:0:1:0:0:0:1').ip)).toBe('2001:db8:0:1::1');
    expect(decodeIp(encodeIp('2001:0:0:1:0:0:1:1').ip)).toBe('2001::1:0:0:1:1');
    expect(decodeIp(encodeIp('2001:db8:1:1:1:1:0:1').ip)).toBe('2001:db8:1:1:1:1:0:1');
    expect(decodeIp(encodeIp('ffff::').ip)).toBe('ffff::');
  });

  it('keeps the dotted tail of IPv4-mapped IPv6 addresses', () => {
    const mapped = encodeIp('::ffff:198.51.100.10');
    expect(mapped).toEqual({ ip: (0xffffn << 32n) | 3325256714n, ipType: 6 });
    expect(decodeIp(mapped.ip)).toBe('::ffff:198.51.100.10');
  });

  it('round-trips every IPv4 address', () => {
    fc.assert(
      fc.property(fc.ipV4(), (text) => {
        expect(decodeIp(encodeIp(text).ip)).toBe(text.split('.').map(Number).join('.'));
      }),
    );
  });

  it('round-trips every IPv6 integer through its text', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n << 32n, max: (1n << 128n) - 1n }), (value) => {
        expect(encodeIp(decodeIp(value))).toEqual({ ip: value, ipType: 6 });
      }),
    );
  });

  it('accepts what operators paste: surrounding whitespace and a bracketed IPv6', () => {
    expect(encodeIp(' 203.0.113.7\n')).toEqual({ ip: 0xcb00_7107n, ipType: 4 });
    expect(encodeIp('[2001:db8::1]')).toEqual(encodeIp('2001:db8::1'));
  });

  it.each(['1.2.3', '256.1.1.1', '1:2:3', '1::2::3', 'example.com', '1:2:3:4:5:6:7:8:9'])('rejects %s', (text) => {
    let caught: unknown;
    try {
      encodeIp(text);
    } catch (error) {
      caught = error;
    }
    expect(isChainError(caught, 'TAONODE_CHAIN_INVALID_ARGUMENT')).toBe(true);
  });
});

describe('axon IP rules of the chain', () => {
  it('refuses loopback, unspecified and all-ones addresses', () => {
    expect(axonIpRejection(encodeIp('127.0.0.1'))).toContain('127.0.0.1');
    expect(axonIpRejection(encodeIp('0.0.0.0'))).toBeDefined();
    expect(axonIpRejection(encodeIp('255.255.255.255'))).toBeDefined();
    expect(axonIpRejection(encodeIp('::1'))).toBeDefined();
    expect(axonIpRejection(encodeIp('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'))).toBeDefined();
  });

  it('accepts public and private addresses', () => {
    expect(axonIpRejection(encodeIp('203.0.113.7'))).toBeUndefined();
    expect(axonIpRejection(encodeIp('10.0.0.1'))).toBeUndefined();
    expect(axonIpRejection(encodeIp('2001:db8::1'))).toBeUndefined();
  });
});
