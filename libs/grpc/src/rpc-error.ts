import { status } from '@grpc/grpc-js';
import type { ErrorKind } from '@taonode/errors';

/** Trailer that carries a domain error's stable code next to the gRPC status. */
export const ERROR_CODE_METADATA_KEY = 'taonode-error-code';

/** The gRPC status of each error kind (the kinds are named after gRPC's canonical codes). */
export function grpcStatusOf(kind: ErrorKind): status {
  switch (kind) {
    case 'invalid-argument':
      return status.INVALID_ARGUMENT;
    case 'not-found':
      return status.NOT_FOUND;
    case 'already-exists':
      return status.ALREADY_EXISTS;
    case 'unauthenticated':
      return status.UNAUTHENTICATED;
    case 'permission-denied':
      return status.PERMISSION_DENIED;
    case 'resource-exhausted':
      return status.RESOURCE_EXHAUSTED;
    case 'failed-precondition':
      return status.FAILED_PRECONDITION;
    case 'unavailable':
      return status.UNAVAILABLE;
    case 'deadline-exceeded':
      return status.DEADLINE_EXCEEDED;
    case 'unimplemented':
      return status.UNIMPLEMENTED;
    case 'cancelled':
      return status.CANCELLED;
    case 'internal':
      return status.INTERNAL;
  }
}

/**
 * Whether a caller may read an error's message: only for the kinds that describe the caller's own request (what
 * was wrong with it, what does not exist). Failures of the server or its dependencies (unavailable, deadline,
 * internal…) carry endpoints, upstream texts and bugs in their messages; the caller gets their code only.
 */
export function isCallerFacing(kind: ErrorKind): boolean {
  switch (kind) {
    case 'invalid-argument':
    case 'not-found':
    case 'already-exists':
    case 'failed-precondition':
      return true;
    case 'unauthenticated':
    case 'permission-denied':
    case 'resource-exhausted':
    case 'unavailable':
    case 'deadline-exceeded':
    case 'unimplemented':
    case 'cancelled':
    case 'internal':
      return false;
  }
}
