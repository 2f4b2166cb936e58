import type { ApiPromise } from '@polkadot/api';

/**
 * Builds blocks on a manual devnet until `work` settles, so a submission waiting for inclusion (or
 * finality) gets its block. Each block is built only after the previous one, with a short pause that lets
 * pending submissions reach the pool first.
 */
export async function mineUntilSettled<T>(devnet: { newBlock(): Promise<unknown> }, work: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    if (!settled) {
      await devnet.newBlock();
    }
  }
  return tracked;
}

/** The finalized head once it has caught up with the best block (the devnet finalizes a few ms after import). */
export async function settledHead(api: ApiPromise): Promise<`0x${string}`> {
  for (;;) {
    const [finalized, best] = await Promise.all([api.rpc.chain.getFinalizedHead(), api.rpc.chain.getHeader()]);
    if (finalized.eq(best.hash)) {
      return finalized.toHex();
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
