const FRACTION_BITS = 64n;
const U128_MAX = (1n << 128n) - 1n;

function clampU128(bits: bigint): bigint {
  return bits < 0n ? 0n : bits > U128_MAX ? U128_MAX : bits;
}

/**
 * Alpha (rao) a coldkey holds through a hotkey on a subnet, from the runtime's share pool: the pool's value is
 * `TotalHotkeyAlpha`, its shares `TotalHotkeyShares` and the coldkey's `Alpha(hotkey, coldkey, netuid)`, both
 * U64F64 (`bits / 2^64`). Computed as the runtime does with truncating 64.64 fixed point:
 * `int(fixed(totalAlpha) / totalShares * shares)`. Zero when the pool has no shares.
 */
export function stakeFromShares(totalAlphaRao: bigint, totalSharesBits: bigint, shareBits: bigint): bigint {
  if (totalSharesBits === 0n || shareBits === 0n) {
    return 0n;
  }
  const valueBits = clampU128(totalAlphaRao << FRACTION_BITS);
  const perShareBits = clampU128((valueBits << FRACTION_BITS) / totalSharesBits);
  return clampU128((perShareBits * shareBits) >> FRACTION_BITS) >> FRACTION_BITS;
}
