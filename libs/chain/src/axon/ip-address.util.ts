import { intToIp, IpFormatError, ipToInt, type IpVersion } from '@taonode/protocol';
import { ChainError } from '../errors/chain.error';

const U32_MAX = 0xffff_ffffn;
const U128_MAX = (1n << 128n) - 1n;
const IPV4_LOOPBACK = 0x7f00_0001n;
const IPV6_LOOPBACK = 1n;

export type IpType = IpVersion;

/** An IP as `serve_axon` carries it: a u128 and its family. */
export interface EncodedIp {
  readonly ip: bigint;
  readonly ipType: IpType;
}

function asInvalidArgument(error: unknown): unknown {
  return error instanceof IpFormatError
    ? new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', error.message, { cause: error })
    : error;
}

/**
 * Encodes an IP text the way the SDK does for `serve_axon` (`net.ip_to_int`, `net.ip_version`) through the one IP
 * codec (`@taonode/protocol`'s `ipToInt`): IPv4 → 32-bit big-endian integer, IPv6 → 128-bit integer. Surrounding
 * whitespace and IPv6 brackets (`[::1]`, as operators paste them from URLs) are dropped first. Fails with
 * `TAONODE_CHAIN_INVALID_ARGUMENT`.
 */
export function encodeIp(text: string): EncodedIp {
  try {
    const { value, version } = ipToInt(text.trim().replace(/^\[(.*)\]$/s, '$1'));
    return { ip: value, ipType: version };
  } catch (error) {
    throw asInvalidArgument(error);
  }
}

/**
 * Renders an on-chain u128 IP as the SDK does (`str(netaddr.IPAddress(int))`, `@taonode/protocol`'s `intToIp`):
 * values below 2^32 are dotted IPv4 whatever `ip_type` says, larger ones IPv6 text.
 */
export function decodeIp(ip: bigint | number | string): string {
  try {
    return intToIp(BigInt(ip));
  } catch (error) {
    throw asInvalidArgument(error);
  }
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
