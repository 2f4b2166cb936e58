import { isChainError } from '@taonode/chain';
import { type ErrorKind, TaonodeError } from '@taonode/errors';
import { ChainSyncError } from './chain-sync.error';

/** A failure of the chain (or its client) while chain-sync read from it; keeps the chain's `TAONODE_CHAIN_*` code. */
export class ChainFailure extends TaonodeError {
  override readonly name = 'ChainFailure';

  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Classifies anything a chain read threw into an error with a stable code: chain-sync's own errors pass through,
 * the chain client's errors (recognised by type) keep their code and kind, anything else — including an error
 * that merely carries a chain-like code — becomes `TAONODE_CHAIN_SYNC_UNEXPECTED` (with cause).
 */
export function toSyncFailure(error: unknown, context: string): TaonodeError {
  if (error instanceof ChainSyncError || error instanceof ChainFailure) {
    return error;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (isChainError(error)) {
    return new ChainFailure(error.code, error.kind, `${context}: ${message}`, { cause: error });
  }
  return new ChainSyncError('TAONODE_CHAIN_SYNC_UNEXPECTED', `${context}: ${message}`, { cause: error });
}
