/**
 * Python's `format(value, f'.{digits}f')`: exact decimal rounding of the binary value with ties to even (JS
 * `toFixed` rounds ties away from zero), full digits for large values, and a kept minus sign on negative zero.
 * Used for the SDK's nonce messages (`{age:.2f}`).
 */
export function pyFormatFixed(value: number, digits: number): string {
  if (Number.isNaN(value)) {
    return 'nan';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? 'inf' : '-inf';
  }
  const negative = value < 0 || Object.is(value, -0);
  const magnitude = Math.abs(value);
  const sign = negative ? '-' : '';
  if (magnitude >= 1e21) {
    // Doubles this large are integers; toFixed would switch to exponent notation.
    return `${sign}${BigInt(magnitude).toString()}${digits > 0 ? `.${'0'.repeat(digits)}` : ''}`;
  }
  const rounded = magnitude.toFixed(digits);
  // A tie needs the value to be an exact (digits+1)-place decimal ending in 5; that requires at most digits+1
  // binary fraction bits, so scaling by 2^(digits+1) is exact and must give an integer.
  if (Number.isInteger(magnitude * 2 ** (digits + 1))) {
    const oneMore = magnitude.toFixed(digits + 1);
    if (oneMore.endsWith('5')) {
      const truncated = oneMore.slice(0, -1).replace(/\.$/, '');
      const lastDigit = Number(truncated.at(-1));
      return sign + (lastDigit % 2 === 0 ? truncated : rounded);
    }
  }
  return sign + rounded;
}
