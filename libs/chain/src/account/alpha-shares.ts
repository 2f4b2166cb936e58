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

/** A share value as stored: U64F64 bits (`Alpha`, `TotalHotkeyShares`) or a SafeFloat (`AlphaV2`, `…SharesV2`). */
export type StoredShare =
  | { readonly kind: 'fixed'; readonly bits: bigint }
  | { readonly kind: 'safe-float'; readonly mantissa: bigint; readonly exponent: number };

/** `numerator / denominator` of a stored share value, exactly. */
function ratioOf(share: StoredShare): readonly [bigint, bigint] {
  if (share.kind === 'fixed') {
    return [share.bits, 1n << FRACTION_BITS];
  }
  return share.exponent >= 0
    ? [share.mantissa * 10n ** BigInt(share.exponent), 1n]
    : [share.mantissa, 10n ** BigInt(-share.exponent)];
}

/**
 * Alpha (rao) of a position whose share or pool denominator is a SafeFloat (`mantissa × 10^exponent`, spec 424
 * keeps shares in `AlphaV2` / `TotalHotkeySharesV2`): `floor(totalAlpha × share / denominator)`, computed
 * exactly. Positions with both values in U64F64 go through {@link stakeFromShares}, the runtime's own
 * truncating arithmetic for them.
 */
export function stakeFromStoredShares(totalAlphaRao: bigint, denominator: StoredShare, share: StoredShare): bigint {
  if (denominator.kind === 'fixed' && share.kind === 'fixed') {
    return stakeFromShares(totalAlphaRao, denominator.bits, share.bits);
  }
  const [shareNumerator, shareDenominator] = ratioOf(share);
  const [poolNumerator, poolDenominator] = ratioOf(denominator);
  if (shareNumerator === 0n || poolNumerator === 0n) {
    return 0n;
  }
  return (totalAlphaRao * shareNumerator * poolDenominator) / (shareDenominator * poolNumerator);
}
