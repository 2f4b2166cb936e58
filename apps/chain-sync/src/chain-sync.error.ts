import { type ErrorKind, TaonodeError } from '@taonode/errors';

/**
 * Stable codes of chain-sync's own errors (docs/errors.md, "## chain-sync"). Failures of the chain itself keep the
 * chain client's `TAONODE_CHAIN_*` code (see `chain-failure.ts`).
 */
export type ChainSyncErrorCode =
  | 'TAONODE_CHAIN_SYNC_INVALID_REQUEST'
  | 'TAONODE_CHAIN_SYNC_NOT_READY'
  | 'TAONODE_CHAIN_SYNC_SUBNET_NOT_SYNCED'
  | 'TAONODE_CHAIN_SYNC_NEURON_NOT_FOUND'
  | 'TAONODE_CHAIN_SYNC_BLOCK_NOT_FINALIZED'
  | 'TAONODE_CHAIN_SYNC_BUSY'
  | 'TAONODE_CHAIN_SYNC_REDIS_UNAVAILABLE'
  | 'TAONODE_CHAIN_SYNC_SNAPSHOT_CORRUPT'
  | 'TAONODE_CHAIN_SYNC_UNEXPECTED';

const KIND_OF: Readonly<Record<ChainSyncErrorCode, ErrorKind>> = {
  TAONODE_CHAIN_SYNC_INVALID_REQUEST: 'invalid-argument',
  TAONODE_CHAIN_SYNC_NOT_READY: 'unavailable',
  TAONODE_CHAIN_SYNC_SUBNET_NOT_SYNCED: 'failed-precondition',
  TAONODE_CHAIN_SYNC_NEURON_NOT_FOUND: 'not-found',
  TAONODE_CHAIN_SYNC_BLOCK_NOT_FINALIZED: 'not-found',
  TAONODE_CHAIN_SYNC_BUSY: 'resource-exhausted',
  TAONODE_CHAIN_SYNC_REDIS_UNAVAILABLE: 'unavailable',
  TAONODE_CHAIN_SYNC_SNAPSHOT_CORRUPT: 'internal',
  TAONODE_CHAIN_SYNC_UNEXPECTED: 'internal',
};

/** An error of chain-sync with a stable code; gRPC answers it with the status of its kind. */
export class ChainSyncError extends TaonodeError {
  override readonly name = 'ChainSyncError';
  readonly kind: ErrorKind;

  constructor(
    readonly code: ChainSyncErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = KIND_OF[code];
  }
}
