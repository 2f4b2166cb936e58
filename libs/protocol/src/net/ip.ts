import { IpFormatError } from '../errors/local-errors';

/** IP version as AxonInfo's `ip_type` stores it. */
export type IpVersion = 4 | 6;

/** An IP address as the chain stores it: a u128 integer plus its version. */
export interface EncodedIp {
  readonly value: bigint;
  readonly version: IpVersion;
}

const IPV4_PART = /^(?:0|[1-9]\d{0,2})$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;
const MAX_IPV4 = 2n ** 32n;
const MAX_IPV6 = 2n ** 128n;

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return null;
  }
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part) || Number(part) > 255) {
      return null;
    }
    value = value * 256n + BigInt(part);
  }
  return value;
}

function parseGroups(section: string): number[] | null {
  if (section === '') {
    return [];
  }
  const groups: number[] = [];
  const pieces = section.split(':');
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index] ?? '';
    if (index === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (v4 === null) {
        return null;
      }
      groups.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (IPV6_GROUP.test(piece)) {
      groups.push(parseInt(piece, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) {
    return null;
  }
  const head = parseGroups(halves[0] ?? '');
  const tail = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (head === null || tail === null) {
    return null;
  }
  // An embedded IPv4 part is only allowed at the very end.
  if (halves.length === 2 && (halves[0] ?? '').includes('.')) {
    return null;
  }
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) {
    return null;
  }
  const groups = [...head, ...new Array<number>(Math.max(missing, 0)).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** The SDK's `ip_to_int` / `ip_version`: dotted IPv4 or IPv6 text to the integer the chain stores. */
export function ipToInt(text: string): EncodedIp {
  const v4 = parseIpv4(text);
  if (v4 !== null) {
    return { value: v4, version: 4 };
  }
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  if (v6 !== null) {
    return { value: v6, version: 6 };
  }
  throw new IpFormatError(`'${text}' is not a valid IPv4 or IPv6 address`);
}

function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) {
    groups.push(Number((value >> shift) & 0xffffn));
  }
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const v4 = value & 0xffffffffn;
    return `::ffff:${formatIpv4(v4)}`;
  }
  // RFC 5952: compress the longest run (first on ties) of two or more zero groups.
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start++;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) {
      end++;
    }
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const text = groups.map((g) => g.toString(16));
  if (bestLength < 2) {
    return text.join(':');
  }
  return `${text.slice(0, bestStart).join(':')}::${text.slice(bestStart + bestLength).join(':')}`;
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

/**
 * The SDK's `int_to_ip` (`str(netaddr.IPAddress(int))`): integers below 2^32 are dotted IPv4 whatever the
 * recorded `ip_type`, larger ones IPv6 text (compressed, lowercase; IPv4-mapped as `::ffff:a.b.c.d`).
 */
export function intToIp(value: bigint | number): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new IpFormatError(`${value} is not an integer address`);
  }
  const integer = typeof value === 'number' ? BigInt(value) : value;
  if (integer < 0n || integer >= MAX_IPV6) {
    throw new IpFormatError(`${integer} is not a 128-bit address`);
  }
  return integer < MAX_IPV4 ? formatIpv4(integer) : formatIpv6(integer);
}
