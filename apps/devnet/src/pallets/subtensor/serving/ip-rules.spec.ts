import { isValidIpAddress, isValidIpType } from './ip-rules';

const ipv4 = (dotted: string): bigint => dotted.split('.').reduce((acc, part) => (acc << 8n) + BigInt(part), 0n);

describe('serving IP rules of the spec-224 runtime', () => {
  it('accepts only ip types 4 and 6', () => {
    expect([0, 4, 5, 6, 7].map(isValidIpType)).toEqual([false, true, false, true, false]);
  });

  it.each([
    ['198.51.100.10', true],
    ['10.0.0.1', true],
    ['192.168.1.1', true],
    ['127.0.0.1', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false],
  ])('IPv4 %s → %s', (address, valid) => {
    expect(isValidIpAddress(4, ipv4(address))).toBe(valid);
  });

  it('refuses IPv4 addresses wider than 32 bits, and the IPv6 loopback, zero and all-ones', () => {
    expect(isValidIpAddress(4, 1n << 32n)).toBe(false);
    expect(isValidIpAddress(6, 1n)).toBe(false);
    expect(isValidIpAddress(6, 0n)).toBe(false);
    expect(isValidIpAddress(6, (1n << 128n) - 1n)).toBe(false);
    expect(isValidIpAddress(6, 0x20010db8000000000000000000000001n)).toBe(true);
  });

  it('accepts the address 0 only where allowed (spec 424 axons), never the loopbacks or all-ones', () => {
    expect(isValidIpAddress(4, 0n, true)).toBe(true);
    expect(isValidIpAddress(6, 0n, true)).toBe(true);
    expect(isValidIpAddress(4, 0n, false)).toBe(false);
    expect(isValidIpAddress(4, ipv4('127.0.0.1'), true)).toBe(false);
    expect(isValidIpAddress(4, ipv4('255.255.255.255'), true)).toBe(false);
    expect(isValidIpAddress(6, 1n, true)).toBe(false);
    expect(isValidIpAddress(6, (1n << 128n) - 1n, true)).toBe(false);
  });
});
