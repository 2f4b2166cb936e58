import { CliUsageError } from './cli-usage.error';

const RAO_PER_TAO = 1_000_000_000n;

/**
 * A decimal amount of TAO (or alpha) as rao, exactly: `1.5` → 1_500_000_000n. At most 9 decimals; no floats
 * are involved, so `0.1` is exactly 100_000_000 rao.
 */
export function parseTaoAmount(text: string, what = 'amount'): bigint {
  const match = /^(\d+)(?:\.(\d{1,9}))?$/.exec(text.trim());
  if (!match?.[1]) {
    throw new CliUsageError(`${what} must be a positive decimal number with at most 9 decimals, got "${text}"`);
  }
  const whole = BigInt(match[1]);
  const fraction = BigInt((match[2] ?? '').padEnd(9, '0'));
  return whole * RAO_PER_TAO + fraction;
}

/** `τ1,234.500000000`: bittensor's `Balance.__str__` (unit, thousands separators, 9 decimals). */
export function formatTao(rao: bigint, unit = 'τ'): string {
  const negative = rao < 0n;
  const value = negative ? -rao : rao;
  const whole = (value / RAO_PER_TAO).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (value % RAO_PER_TAO).toString().padStart(9, '0');
  return `${negative ? '-' : ''}${unit}${whole}.${fraction}`;
}
