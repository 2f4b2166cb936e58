import { TaonodeError, type ErrorKind } from '@taonode/errors';

/** Stable codes of `@taonode/inference` errors (docs/inference-worker.md). */
export type InferenceErrorCode =
  | 'TAONODE_INFERENCE_MODEL_DIGEST_MISMATCH'
  | 'TAONODE_INFERENCE_MODEL_INVALID'
  | 'TAONODE_INFERENCE_BACKEND_UNAVAILABLE'
  | 'TAONODE_INFERENCE_BACKEND_FAILED'
  | 'TAONODE_INFERENCE_DEADLINE_EXCEEDED';

/** What each inference failure means to a caller, whatever the transport. */
const KIND_OF: Readonly<Record<InferenceErrorCode, ErrorKind>> = {
  TAONODE_INFERENCE_MODEL_DIGEST_MISMATCH: 'failed-precondition',
  TAONODE_INFERENCE_MODEL_INVALID: 'failed-precondition',
  TAONODE_INFERENCE_BACKEND_UNAVAILABLE: 'unavailable',
  TAONODE_INFERENCE_BACKEND_FAILED: 'internal',
  TAONODE_INFERENCE_DEADLINE_EXCEEDED: 'deadline-exceeded',
};

/** Base of every error this library throws; callers switch on `code`. */
export class InferenceError extends TaonodeError {
  readonly kind: ErrorKind;

  constructor(
    readonly code: InferenceErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.kind = KIND_OF[code];
  }
}
