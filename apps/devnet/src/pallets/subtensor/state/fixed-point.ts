/**
 * Unsigned 64.64 fixed point (`U64F64` in the runtime) as the raw `bits` bigint that storage holds:
 * value = bits / 2^64. Only the operations the share pool needs, each truncating like `substrate_fixed`.
 */
export const FRACTION_BITS = 64n;
const ONE = 1n << FRACTION_BITS;
const U128_MAX = (1n << 128n) - 1n;

export function fixedFromInt(value: bigint): bigint {
  return clampU128(value << FRACTION_BITS);
}

export function fixedToInt(bits: bigint): bigint {
  return bits >> FRACTION_BITS;
}

export function fixedDiv(numerator: bigint, denominator: bigint): bigint | undefined {
  if (denominator === 0n) {
    return undefined;
  }
  return clampU128((numerator << FRACTION_BITS) / denominator);
}

export function fixedMul(a: bigint, b: bigint): bigint {
  return clampU128((a * b) >> FRACTION_BITS);
}

/** Signed division of an integer `update` by a fixed-point value, truncated toward zero. */
export function signedIntOverFixed(update: bigint, divisorBits: bigint): bigint {
  if (divisorBits === 0n) {
    return 0n;
  }
  return ((update << FRACTION_BITS) * ONE) / divisorBits;
}

export function clampU128(bits: bigint): bigint {
  if (bits < 0n) {
    return 0n;
  }
  return bits > U128_MAX ? U128_MAX : bits;
}
