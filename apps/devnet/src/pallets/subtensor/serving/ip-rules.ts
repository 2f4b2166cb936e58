const IPV4_LOOPBACK = 0x7f000001n;
const U32_MAX = 0xffffffffn;
const U128_MAX = (1n << 128n) - 1n;

/** `is_valid_ip_type`: only 4 and 6. */
export function isValidIpType(ipType: number): boolean {
  return ipType === 4 || ipType === 6;
}

/**
 * `is_valid_ip_address(ip_type, addr, allow_zero)` (private ranges are allowed; the runtime never implemented
 * their exclusion):
 * - the address 0 only where `allowZero` (axons on spec 424; never on spec 233, never for prometheus);
 * - IPv4: below u32::MAX (so 255.255.255.255 is refused too) and not 127.0.0.1;
 * - IPv6: not all-ones and not ::1.
 */
export function isValidIpAddress(ipType: number, ip: bigint, allowZero = false): boolean {
  if (!isValidIpType(ipType) || (ip === 0n && !allowZero)) {
    return false;
  }
  if (ipType === 4) {
    return ip < U32_MAX && ip !== IPV4_LOOPBACK;
  }
  return ip !== U128_MAX && ip !== 1n;
}
