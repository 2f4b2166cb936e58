import { loadBittensorVectors } from '@taonode/testing';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import { IpFormatError } from '../errors/local-errors';
import { intToIp, ipToInt } from './ip';

describe('IP encoding', () => {
  const examples = loadBittensorVectors<BittensorVectors>().ip_encoding.examples;

  it.each(examples)('encodes %s as %s (IPv%s)', (text, value, version) => {
    expect(ipToInt(text)).toEqual({ value: BigInt(value), version });
    expect(intToIp(BigInt(value))).toBe(text);
  });

  it('prints integers below 2^32 as IPv4 whatever the version (the SDK rule)', () => {
    expect(intToIp(1n)).toBe('0.0.0.1');
    expect(intToIp(2n ** 32n)).toBe('::1:0:0');
  });

  it('compresses the longest zero run and prints IPv4-mapped addresses in mixed notation', () => {
    expect(intToIp(ipToInt('2001:0db8:0000:0000:1:0:0:1').value)).toBe('2001:db8::1:0:0:1');
    expect(intToIp(ipToInt('2001:db8:0:1:1:1:1:1').value)).toBe('2001:db8:0:1:1:1:1:1');
    expect(intToIp(ipToInt('::ffff:198.51.100.10').value)).toBe('::ffff:198.51.100.10');
    expect(ipToInt('::')).toEqual({ value: 0n, version: 6 });
    expect(ipToInt('1::')).toEqual({ value: 1n << 112n, version: 6 });
  });

  it.each([
    '256.1.1.1',
    '1.2.3',
    '01.2.3.4',
    '1:2:3',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    'abc',
    '',
    '1.2.3.4::',
    '::1.2.3',
  ])('refuses %j', (text) => {
    expect(() => ipToInt(text)).toThrow(IpFormatError);
  });

  it('refuses integers outside 0..2^128-1', () => {
    expect(() => intToIp(-1n)).toThrow(IpFormatError);
    expect(() => intToIp(2n ** 128n)).toThrow(IpFormatError);
    expect(() => intToIp(1.5)).toThrow(IpFormatError);
  });
});
