import type { CallOptions, Metadata } from '@grpc/grpc-js';

/** Deadline of a unary call when the caller names none: chain-sync answers from memory, so 5 s is generous. */
export const DEFAULT_CALL_DEADLINE_MS = 5_000;

/** Call options with an absolute deadline `ms` from now. */
export function callDeadline(ms: number = DEFAULT_CALL_DEADLINE_MS): CallOptions {
  return { deadline: new Date(Date.now() + ms) };
}

/**
 * A ts-proto NestJS client whose methods also take @grpc/grpc-js call options. NestJS forwards a third argument
 * to grpc-js unchanged, so `client.getHead({}, new Metadata(), callDeadline(2000))` is bounded even though the
 * generated interface names only `(request, metadata)`. Use as `getService<Deadlined<XServiceClient>>(…)`.
 */
export type Deadlined<Client> = {
  [Method in keyof Client]: Client[Method] extends (request: infer Request, metadata?: Metadata) => infer Result
    ? (request: Request, metadata?: Metadata, options?: CallOptions) => Result
    : Client[Method];
};
