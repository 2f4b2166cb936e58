import { status } from '@grpc/grpc-js';

/** What went wrong, as far as a gRPC caller needs to know; each kind is one gRPC status code. */
export type RpcErrorKind =
  'invalid-argument' | 'not-found' | 'failed-precondition' | 'unavailable' | 'deadline-exceeded' | 'internal';

/** A domain error the {@link GrpcExceptionFilter} can answer with a precise status and its stable code. */
export interface RpcMappableError extends Error {
  /** Stable code (`TAONODE_…`, docs/errors.md); sent to the caller in the `taonode-error-code` trailer. */
  readonly code: string;
  readonly rpcKind: RpcErrorKind;
}

/** Trailer that carries a domain error's stable code next to the gRPC status. */
export const ERROR_CODE_METADATA_KEY = 'taonode-error-code';

export function isRpcMappableError(error: unknown): error is RpcMappableError {
  return (
    error instanceof Error &&
    typeof (error as Partial<RpcMappableError>).code === 'string' &&
    typeof (error as Partial<RpcMappableError>).rpcKind === 'string'
  );
}

export function grpcStatusOf(kind: RpcErrorKind): status {
  switch (kind) {
    case 'invalid-argument':
      return status.INVALID_ARGUMENT;
    case 'not-found':
      return status.NOT_FOUND;
    case 'failed-precondition':
      return status.FAILED_PRECONDITION;
    case 'unavailable':
      return status.UNAVAILABLE;
    case 'deadline-exceeded':
      return status.DEADLINE_EXCEEDED;
    case 'internal':
      return status.INTERNAL;
  }
}
