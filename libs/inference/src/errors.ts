/** Stable codes of `@taonode/inference` errors (docs/inference-worker.md). */
export type InferenceErrorCode =
  | 'INFERENCE_MODEL_DIGEST_MISMATCH'
  | 'INFERENCE_MODEL_INVALID'
  | 'INFERENCE_BACKEND_UNAVAILABLE'
  | 'INFERENCE_BACKEND_FAILED'
  | 'INFERENCE_DEADLINE_EXCEEDED';

/** Base of every error this library throws; callers switch on `code`. */
export class InferenceError extends Error {
  constructor(
    readonly code: InferenceErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'InferenceError';
  }
}
