import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a client's connections and requests are counted under. An IPv4 address is itself (also when it arrives
 * IPv4-mapped, `::ffff:a.b.c.d`, on a dual-stack socket). An IPv6 client is its /64: one host or subscriber is
 * routinely given a whole /64, so counting single IPv6 addresses would hand an attacker 2^64 separate shares.
 */
export function clientAddressKey(ip: string): string {
  if (!ip.includes(':')) {
    return ip;
  }
  const unzoned = ip.split('%', 1)[0] ?? ip;
  const mapped = /^::ffff:(.+)$/i.exec(unzoned)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) {
    return mapped;
  }
  if (!isIPv6(unzoned)) {
    return ip;
  }
  return `${ipv6Groups(unzoned).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, lowercase without leading zeros (`::` and a dotted tail expanded). */
function ipv6Groups(address: string): string[] {
  const groupsOf = (part: string): string[] =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]));
  const [head = '', tail] = address.split('::');
  const headGroups = groupsOf(head);
  const tailGroups = tail === undefined ? [] : groupsOf(tail);
  const elided = tail === undefined ? [] : Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return [...headGroups, ...elided, ...tailGroups].map((group) => Number.parseInt(group, 16).toString(16));
}
