import { ChainError } from '../errors/chain.error';

const U32_MAX = 0xffff_ffffn;
const U128_MAX = (1n << 128n) - 1n;
const IPV4_LOOPBACK = 0x7f00_0001n;
const IPV6_LOOPBACK = 1n;

export type IpType = 4 | 6;

/** An IP as `serve_axon` carries it: a u128 and its family. */
export interface EncodedIp {
  readonly ip: bigint;
  readonly ipType: IpType;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) {
    return undefined;
  }
  return parts.reduce((value, part) => (value << 8n) | BigInt(Number(part)), 0n);
}

function parseIpv6(text: string): bigint | undefined {
  // An embedded dotted IPv4 (`::ffff:1.2.3.4`) is the last two 16-bit groups written in decimal.
  const lastColon = text.lastIndexOf(':');
  let body = text;
  if (lastColon !== -1 && text.slice(lastColon + 1).includes('.')) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) {
      return undefined;
    }
    body = `${text.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const parseGroups = (part: string): bigint[] | undefined => {
    if (part === '') {
      return [];
    }
    const groups = part.split(':');
    if (groups.some((group) => !/^[0-9a-fA-F]{1,4}$/.test(group))) {
      return undefined;
    }
    return groups.map((group) => BigInt(Number.parseInt(group, 16)));
  };
  const left = parseGroups(halves[0] ?? '');
  const right = halves.length === 2 ? parseGroups(halves[1] ?? '') : [];
  if (left === undefined || right === undefined) {
    return undefined;
  }
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) {
    return undefined;
  }
  const groups = [...left, ...Array<bigint>(missing).fill(0n), ...right];
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/**
 * Encodes an IP text the way the SDK does for `serve_axon` (`net.ip_to_int`, `net.ip_version`):
 * IPv4 → 32-bit big-endian integer, IPv6 → 128-bit integer. Fails with `TAONODE_CHAIN_INVALID_ARGUMENT`.
 */
export function encodeIp(text: string): EncodedIp {
  const trimmed = text.trim();
  const v4 = parseIpv4(trimmed);
  if (v4 !== undefined) {
    return { ip: v4, ipType: 4 };
  }
  const v6 = parseIpv6(trimmed.replace(/^\[|\]$/g, ''));
  if (v6 !== undefined) {
    return { ip: v6, ipType: 6 };
  }
  throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', `not an IPv4 or IPv6 address: ${text}`);
}

function formatIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
}

function formatIpv6(value: bigint): string {
  const groups = [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => Number((value >> shift) & 0xffffn));
  // IPv4-mapped addresses keep the dotted tail, as inet_ntop (and so netaddr) print them.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return `::ffff:${formatIpv4(value & U32_MAX)}`;
  }
  // RFC 5952: compress the longest run (two or more) of zero groups, the first one on ties.
  let bestStart = -1;
  let bestLength = 0;
  for (let start = 0; start < 8;) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < 8 && groups[end] === 0) {
      end += 1;
    }
    if (end - start > bestLength) {
      bestStart = start;
      bestLength = end - start;
    }
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestLength < 2) {
    return hex.join(':');
  }
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/**
 * Renders an on-chain u128 IP as the SDK does (`str(netaddr.IPAddress(int))`): values below 2^32 are dotted
 * IPv4 whatever `ip_type` says, larger ones IPv6 text.
 */
export function decodeIp(ip: bigint | number | string): string {
  const value = BigInt(ip);
  if (value < 0n || value > U128_MAX) {
    throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', `IP integer out of u128 range: ${value}`);
  }
  return value <= U32_MAX ? formatIpv4(value) : formatIpv6(value);
}

/**
 * Why the chain would refuse this axon IP (`InvalidIpType` / `InvalidIpAddress`, subtensor.md §6.6), or
 * undefined when it accepts it. Zero is refused too: announcing 0.0.0.0 means "not serving", and the
 * spec-224 runtime (as the devnet implements it) rejects it.
 */
export function axonIpRejection(encoded: EncodedIp): string | undefined {
  if (encoded.ip === 0n) {
    return 'the unspecified address (0.0.0.0 / ::) cannot be served: announce a public address';
  }
  switch (encoded.ipType) {
    case 4:
      if (encoded.ip >= U32_MAX) {
        return 'IPv4 address must be below 255.255.255.255';
      }
      if (encoded.ip === IPV4_LOOPBACK) {
        return 'the chain rejects 127.0.0.1 (InvalidIpAddress): announce a public address';
      }
      return undefined;
    case 6:
      if (encoded.ip === IPV6_LOOPBACK || encoded.ip === U128_MAX) {
        return 'the chain rejects ::1 and the all-ones IPv6 address (InvalidIpAddress)';
      }
      return undefined;
  }
}
