/**
 * Runs `work` (a CLI process that waits for finalization) while building blocks on a manual devnet, one at a
 * time with a short pause so the CLI's submission reaches the pool first.
 */
export async function mineWhile<T>(devnet: { newBlock(): Promise<unknown> }, work: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!settled) {
      await devnet.newBlock();
    }
  }
  return tracked;
}

/** The rao value of a `τ1,234.500000000` / `α…` amount as printed. */
export function raoOf(printed: string): bigint {
  const digits = printed.replace(/^[^\d]+/u, '').replace(/,/g, '');
  const [whole = '0', fraction = ''] = digits.split('.');
  return BigInt(whole) * 1_000_000_000n + BigInt(fraction.padEnd(9, '0').slice(0, 9));
}
