import type { ErrorKind } from './error-kind';

/**
 * Base of every typed error taonode throws. `code` is stable (`TAONODE_<AREA>_<NAME>`, docs/errors.md) and is what
 * callers, metrics and the CLI show; `kind` tells a transport how to answer (gRPC status, HTTP status); `message`
 * is for logs. Recognise errors with `instanceof` (or {@link isTaonodeError}), never by the shape of their code:
 * any object can carry a string that looks like one.
 */
export abstract class TaonodeError extends Error {
  /** Stable machine-readable code, documented in docs/errors.md. */
  abstract readonly code: string;
  /** Transport-independent category of the failure. */
  abstract readonly kind: ErrorKind;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
  }
}

/** True when `error` is a {@link TaonodeError} (an instance, not an object that merely carries a code). */
export function isTaonodeError(error: unknown): error is TaonodeError {
  return error instanceof TaonodeError;
}
