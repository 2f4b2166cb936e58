import type { RpcErrorKind, RpcMappableError } from '@taonode/grpc';
import { ChainSyncError } from './chain-sync.error';

/** A failure of the chain (or its client) while chain-sync read from it; keeps the chain's `TAONODE_CHAIN_*` code. */
export class ChainFailure extends Error implements RpcMappableError {
  override readonly name = 'ChainFailure';

  constructor(
    readonly code: string,
    readonly rpcKind: RpcErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Chain client codes and what a gRPC caller should make of them; every other chain code is `internal`. */
const CHAIN_CODE_KINDS: Readonly<Record<string, RpcErrorKind>> = {
  TAONODE_CHAIN_TIMEOUT: 'deadline-exceeded',
  TAONODE_CHAIN_DISCONNECTED: 'unavailable',
  TAONODE_CHAIN_RATE_LIMITED: 'unavailable',
  TAONODE_CHAIN_BLOCK_NOT_FOUND: 'not-found',
  TAONODE_CHAIN_SUBNET_NOT_FOUND: 'not-found',
  TAONODE_CHAIN_INVALID_ARGUMENT: 'invalid-argument',
};

function chainCodeOf(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('TAONODE_CHAIN_') ? code : undefined;
}

/**
 * Classifies anything a chain read threw into an error with a stable code: chain-sync's own errors pass through,
 * the chain client's errors keep their code, anything else becomes `TAONODE_CHAIN_SYNC_UNEXPECTED` (with cause).
 */
export function toSyncFailure(error: unknown, context: string): RpcMappableError {
  if (error instanceof ChainSyncError || error instanceof ChainFailure) {
    return error;
  }
  const code = chainCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined) {
    return new ChainFailure(code, CHAIN_CODE_KINDS[code] ?? 'internal', `${context}: ${message}`, { cause: error });
  }
  return new ChainSyncError('TAONODE_CHAIN_SYNC_UNEXPECTED', `${context}: ${message}`, { cause: error });
}
