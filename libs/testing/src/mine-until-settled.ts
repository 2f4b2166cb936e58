/**
 * Builds blocks on a manual chain (devnet or Chopsticks) until `work` settles, so a submission waiting for
 * inclusion or finality gets its block. Each block is built only after the previous one, after `pauseMs`
 * that lets pending submissions reach the pool first (a separate CLI process needs longer than an in-process
 * client). Resolves or rejects as `work` does.
 */
export async function mineUntilSettled<T>(
  chain: { newBlock(): Promise<unknown> },
  work: Promise<T>,
  pauseMs = 25,
): Promise<T> {
  let settled = false;
  const tracked = work.finally(() => {
    settled = true;
  });
  tracked.catch(() => undefined);
  while (!settled) {
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (!settled) {
      await chain.newBlock();
    }
  }
  return tracked;
}
