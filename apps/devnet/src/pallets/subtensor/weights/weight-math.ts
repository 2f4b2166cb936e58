/**
 * The u16 weight arithmetic of the runtime's `epoch/math.rs`, bit-exact: I32F32 fixed point is emulated
 * with bigints (value = bits / 2^32), `round()` rounds half away from zero.
 */
const FRACTION = 32n;
const HALF = 1n << (FRACTION - 1n);
const U16_MAX = 65535n;

function roundToU16(bits: bigint): number {
  const rounded = (bits + HALF) >> FRACTION;
  return Number(rounded > U16_MAX ? U16_MAX : rounded);
}

/**
 * `vec_u16_max_upscale_to_u16`: scales so the largest value becomes 65535. Above 32768 the runtime multiplies
 * by the truncated ratio 65535/max; at or below it divides the product, which rounds slightly differently.
 */
export function maxUpscaleToU16(values: readonly number[]): number[] {
  const max = values.reduce((acc, value) => (value > acc ? value : acc), 0);
  if (max === 0) {
    return values.map(() => 0);
  }
  const maxBig = BigInt(max);
  if (max > 32768) {
    const ratioBits = (U16_MAX << FRACTION) / maxBig;
    return values.map((value) => roundToU16(BigInt(value) * ratioBits));
  }
  return values.map((value) => roundToU16(((BigInt(value) * U16_MAX) << FRACTION) / maxBig));
}

/** `check_vec_max_limited`: after normalising to sum 1, no value exceeds `maxLimit / 65535`. */
export function isMaxLimited(values: readonly number[], maxLimit: number): boolean {
  const sum = values.reduce((acc, value) => acc + BigInt(value), 0n);
  if (sum === 0n) {
    return true;
  }
  const limitBits = (BigInt(maxLimit) << FRACTION) / U16_MAX;
  return values.every((value) => (BigInt(value) << FRACTION) / sum <= limitBits);
}
