import { FRACTION_BITS } from './fixed-point';

/**
 * `share_pool::SafeFloat` (primitives/share-pool/src/lib.rs@6d81084c): `mantissa × 10^exponent`, kept
 * normalised so that `SAFE_FLOAT_MAX / 10 < mantissa ≤ SAFE_FLOAT_MAX` (zero is `{0, 0}`). Spec 424 keeps
 * alpha shares in it (`AlphaV2`, `TotalHotkeySharesV2`); the devnet's share pool computes in U64F64 bits and
 * converts at the storage boundary.
 */
export interface SafeFloat {
  readonly mantissa: bigint;
  readonly exponent: number;
}

export const SAFE_FLOAT_MAX = 10n ** 21n;
const SAFE_FLOAT_MIN = SAFE_FLOAT_MAX / 10n;
const ONE_BITS = 1n << FRACTION_BITS;

/** A U64F64 value (`bits / 2^64`) as a normalised SafeFloat, truncating the digits it cannot keep. */
export function safeFloatFromFixedBits(bits: bigint): SafeFloat {
  if (bits <= 0n) {
    return { mantissa: 0n, exponent: 0 };
  }
  // mantissa = bits × 10^-exponent / 2^64, with the exponent chosen so that it lands in (MIN, MAX].
  let exponent = 0;
  let mantissa = bits / ONE_BITS;
  while (mantissa > SAFE_FLOAT_MAX) {
    exponent += 1;
    mantissa = bits / (ONE_BITS * 10n ** BigInt(exponent));
  }
  while (mantissa <= SAFE_FLOAT_MIN) {
    exponent -= 1;
    mantissa = (bits * 10n ** BigInt(-exponent)) / ONE_BITS;
  }
  return { mantissa, exponent };
}

/** A SafeFloat as U64F64 bits (truncated). */
export function safeFloatToFixedBits({ mantissa, exponent }: SafeFloat): bigint {
  return exponent >= 0
    ? (mantissa * 10n ** BigInt(exponent)) << FRACTION_BITS
    : (mantissa << FRACTION_BITS) / 10n ** BigInt(-exponent);
}

/** An exact non-negative rational `numerator / denominator`. */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export function safeFloatRatio({ mantissa, exponent }: SafeFloat): Ratio {
  return exponent >= 0
    ? { numerator: mantissa * 10n ** BigInt(exponent), denominator: 1n }
    : { numerator: mantissa, denominator: 10n ** BigInt(-exponent) };
}

export function fixedBitsRatio(bits: bigint): Ratio {
  return { numerator: bits, denominator: ONE_BITS };
}

/** `SharePool::get_value`: `floor(sharedValue × share / denominator)`, 0 when the pool has no shares. */
export function valueOfShare(sharedValue: bigint, share: Ratio, denominator: Ratio): bigint {
  if (denominator.numerator === 0n || share.numerator === 0n) {
    return 0n;
  }
  return (sharedValue * share.numerator * denominator.denominator) / (share.denominator * denominator.numerator);
}
