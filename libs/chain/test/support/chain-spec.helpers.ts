import type { ApiPromise } from '@polkadot/api';
import { isChainError, type ChainError } from '../../src';

/** The ChainError `work` rejects with; fails the test when it resolves or rejects with anything else. */
export async function caught(work: Promise<unknown>): Promise<ChainError> {
  try {
    await work;
  } catch (error) {
    if (isChainError(error)) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a ChainError');
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
