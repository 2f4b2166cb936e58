import { ChainError } from '../errors/chain.error';
import { toChainError } from '../errors/rpc-error.classifier';

/**
 * Settles with `work`, or rejects with `TAONODE_CHAIN_TIMEOUT` after `ms` milliseconds. Any rejection of
 * `work` becomes a {@link ChainError} (see `toChainError`). The timer never keeps the process alive.
 * The underlying request is not cancelled (JSON-RPC has no cancel); its late answer is ignored.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChainError('TAONODE_CHAIN_TIMEOUT', `${what}: no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    throw toChainError(error, what);
  } finally {
    clearTimeout(timer);
  }
}
