/** The rao value of a `τ1,234.500000000` / `α…` amount as printed. */
export function raoOf(printed: string): bigint {
  const digits = printed.replace(/^[^\d]+/u, '').replace(/,/g, '');
  const [whole = '0', fraction = ''] = digits.split('.');
  return BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}
