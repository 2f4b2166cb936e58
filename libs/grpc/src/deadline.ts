import type { CallOptions } from '@grpc/grpc-js';

/** Deadline of a unary call when the caller names none: chain-sync answers from memory, so 5 s is generous. */
export const DEFAULT_CALL_DEADLINE_MS = 5_000;

/**
 * Call options with an absolute deadline `ms` from now. NestJS gRPC clients forward a third argument to
 * @grpc/grpc-js, so `client.getHead({}, metadata, withDeadline(2000))` bounds the call even though the generated
 * interface only names `(request, metadata)`.
 */
export function withDeadline(ms: number = DEFAULT_CALL_DEADLINE_MS): CallOptions {
  return { deadline: new Date(Date.now() + ms) };
}
