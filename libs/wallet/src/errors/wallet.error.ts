import { type ErrorKind, TaonodeError } from '@taonode/errors';

/**
 * Stable codes of every error the wallet library throws (documented in docs/errors.md, "## wallet").
 * Codes never change meaning; callers switch on them, messages are for humans.
 */
export type WalletErrorCode =
  | 'WALLET_WRONG_PASSWORD'
  | 'WALLET_PASSWORD_REQUIRED'
  | 'WALLET_PASSWORD_REJECTED'
  | 'WALLET_NOT_FOUND'
  | 'WALLET_MALFORMED_KEYFILE'
  | 'WALLET_UNSUPPORTED_ENCRYPTION'
  | 'WALLET_BAD_MNEMONIC'
  | 'WALLET_FILE_EXISTS'
  | 'WALLET_KEY_MISMATCH'
  | 'WALLET_INVALID_NAME'
  | 'WALLET_INVALID_KEY'
  | 'WALLET_INVALID_ADDRESS'
  | 'WALLET_INVALID_HEX'
  | 'WALLET_INVALID_SIGNATURE'
  | 'WALLET_INVALID_URI'
  | 'WALLET_NO_PRIVATE_KEY'
  | 'WALLET_IO_ERROR';

/** What each wallet failure means to a caller, whatever the transport (CLI, gRPC, HTTP). */
const KIND_OF: Readonly<Record<WalletErrorCode, ErrorKind>> = {
  WALLET_WRONG_PASSWORD: 'unauthenticated',
  WALLET_PASSWORD_REQUIRED: 'failed-precondition',
  WALLET_PASSWORD_REJECTED: 'invalid-argument',
  WALLET_NOT_FOUND: 'not-found',
  WALLET_MALFORMED_KEYFILE: 'failed-precondition',
  WALLET_UNSUPPORTED_ENCRYPTION: 'unimplemented',
  WALLET_BAD_MNEMONIC: 'invalid-argument',
  WALLET_FILE_EXISTS: 'already-exists',
  WALLET_KEY_MISMATCH: 'failed-precondition',
  WALLET_INVALID_NAME: 'invalid-argument',
  WALLET_INVALID_KEY: 'invalid-argument',
  WALLET_INVALID_ADDRESS: 'invalid-argument',
  WALLET_INVALID_HEX: 'invalid-argument',
  WALLET_INVALID_SIGNATURE: 'invalid-argument',
  WALLET_INVALID_URI: 'invalid-argument',
  WALLET_NO_PRIVATE_KEY: 'failed-precondition',
  WALLET_IO_ERROR: 'internal',
};

/**
 * The one error class of `@taonode/wallet`. Messages are single-line and never contain secret material
 * (passwords, mnemonics, seeds, private keys); file paths and public addresses may appear.
 */
export class WalletError extends TaonodeError {
  override readonly name = 'WalletError';
  /** Transport-independent kind of the failure (see KIND_OF). */
  readonly kind: ErrorKind;

  constructor(
    /** Stable machine-readable code. */
    readonly code: WalletErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = KIND_OF[code];
  }
}

/** True when `error` is a {@link WalletError}, optionally with the given code. */
export function isWalletError(error: unknown, code?: WalletErrorCode): error is WalletError {
  return error instanceof WalletError && (code === undefined || error.code === code);
}
