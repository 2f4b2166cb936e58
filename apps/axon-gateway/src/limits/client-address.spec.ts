import { clientAddressKey } from './client-address';

describe('clientAddressKey', () => {
  it('keeps an IPv4 address as it is, also when it arrives IPv4-mapped on a dual-stack socket', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientAddressKey('::FFFF:127.0.0.2')).toBe('127.0.0.2');
  });

  it('counts every address of an IPv6 /64 as one client, however the address is written', () => {
    const key = '2001:db8:0:1::/64';
    expect(clientAddressKey('2001:db8:0:1::1')).toBe(key);
    expect(clientAddressKey('2001:0db8:0000:0001:ffff:ffff:ffff:fffe')).toBe(key);
    expect(clientAddressKey('2001:DB8::1:0:0:0:9')).toBe(key);
    expect(clientAddressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddressKey('::1')).toBe('0:0:0:0::/64');
    expect(clientAddressKey('64:ff9b::192.0.2.33')).toBe('64:ff9b:0:0::/64');
    expect(clientAddressKey('2001:db8:0:2::1')).not.toBe(key);
  });

  it('leaves anything that is not an address untouched (an empty or unknown peer)', () => {
    expect(clientAddressKey('')).toBe('');
    expect(clientAddressKey('not:an:address')).toBe('not:an:address');
  });
});
