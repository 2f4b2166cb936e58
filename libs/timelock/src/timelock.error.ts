import { TaonodeError, type ErrorKind } from '@taonode/errors';

/**
 * Stable codes of every error `@taonode/timelock` throws. Callers switch on them (the CLI prints one line per
 * code); messages are for humans and never carry the plaintext, the AES key or a beacon secret.
 */
export type TimelockErrorCode =
  /** An argument is outside what the chain accepts (round 0, unequal uids/values, a u16 out of range…). */
  | 'TAONODE_TIMELOCK_INVALID_ARGUMENT'
  /** The plaintext or ciphertext is larger than the chain's commit bound (5000 bytes of ciphertext). */
  | 'TAONODE_TIMELOCK_TOO_LARGE'
  /** The bytes are not a `TLECiphertext<TinyBLS381>` the chain would deserialise (truncated, bad point, bad lengths). */
  | 'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT'
  /** The AES-GCM nonce inside the container is not 12 bytes (`BadNonce` in tle). */
  | 'TAONODE_TIMELOCK_BAD_NONCE'
  /** The signature bytes are not a compressed BLS12-381 G1 point. */
  | 'TAONODE_TIMELOCK_INVALID_SIGNATURE'
  /** The signature is a valid point but does not open this ciphertext (another round's, or another beacon's). */
  | 'TAONODE_TIMELOCK_WRONG_SIGNATURE'
  /** The IBE layer opened but the AES-GCM tag did not verify (the body was altered). */
  | 'TAONODE_TIMELOCK_DECRYPTION_FAILED'
  /** The public key bytes are not a compressed BLS12-381 G2 point in the prime-order subgroup. */
  | 'TAONODE_TIMELOCK_INVALID_PUBLIC_KEY'
  /** The plaintext decodes neither as `WeightsTlockPayload` (v4) nor as the legacy v3 payload. */
  | 'TAONODE_TIMELOCK_NOT_A_WEIGHTS_PAYLOAD'
  /** The epoch schedule never reaches the reveal epoch (tempo 0) or the beacon configuration is unusable. */
  | 'TAONODE_TIMELOCK_NO_REVEAL';

/** What each timelock failure means to a caller, whatever the transport (CLI, gRPC, HTTP). */
const KIND_OF: Readonly<Record<TimelockErrorCode, ErrorKind>> = {
  TAONODE_TIMELOCK_INVALID_ARGUMENT: 'invalid-argument',
  TAONODE_TIMELOCK_TOO_LARGE: 'invalid-argument',
  TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT: 'invalid-argument',
  TAONODE_TIMELOCK_BAD_NONCE: 'invalid-argument',
  TAONODE_TIMELOCK_INVALID_SIGNATURE: 'invalid-argument',
  TAONODE_TIMELOCK_WRONG_SIGNATURE: 'failed-precondition',
  TAONODE_TIMELOCK_DECRYPTION_FAILED: 'invalid-argument',
  TAONODE_TIMELOCK_INVALID_PUBLIC_KEY: 'invalid-argument',
  TAONODE_TIMELOCK_NOT_A_WEIGHTS_PAYLOAD: 'invalid-argument',
  TAONODE_TIMELOCK_NO_REVEAL: 'failed-precondition',
};

/** The one error class of `@taonode/timelock`. */
export class TimelockError extends TaonodeError {
  override readonly name = 'TimelockError';
  /** Transport-independent kind of the failure (see KIND_OF). */
  readonly kind: ErrorKind;

  constructor(
    /** Stable machine-readable code. */
    readonly code: TimelockErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = KIND_OF[code];
  }
}

/** True when `error` is a {@link TimelockError}, optionally with the given code. */
export function isTimelockError(error: unknown, code?: TimelockErrorCode): error is TimelockError {
  return error instanceof TimelockError && (code === undefined || error.code === code);
}
