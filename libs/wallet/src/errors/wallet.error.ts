import { type ErrorKind, TaonodeError } from '@taonode/errors';

/**
 * Stable codes of every error the wallet library throws (documented in docs/errors.md, "## wallet").
 * Codes never change meaning; callers switch on them, messages are for humans.
 */
export type WalletErrorCode =
  | 'TAONODE_WALLET_WRONG_PASSWORD'
  | 'TAONODE_WALLET_PASSWORD_REQUIRED'
  | 'TAONODE_WALLET_PASSWORD_REJECTED'
  | 'TAONODE_WALLET_NOT_FOUND'
  | 'TAONODE_WALLET_MALFORMED_KEYFILE'
  | 'TAONODE_WALLET_UNSUPPORTED_ENCRYPTION'
  | 'TAONODE_WALLET_BAD_MNEMONIC'
  | 'TAONODE_WALLET_FILE_EXISTS'
  | 'TAONODE_WALLET_KEY_MISMATCH'
  | 'TAONODE_WALLET_INVALID_NAME'
  | 'TAONODE_WALLET_INVALID_KEY'
  | 'TAONODE_WALLET_INVALID_ADDRESS'
  | 'TAONODE_WALLET_INVALID_HEX'
  | 'TAONODE_WALLET_INVALID_SIGNATURE'
  | 'TAONODE_WALLET_INVALID_URI'
  | 'TAONODE_WALLET_NO_PRIVATE_KEY'
  | 'TAONODE_WALLET_IO_ERROR';

/** What each wallet failure means to a caller, whatever the transport (CLI, gRPC, HTTP). */
const KIND_OF: Readonly<Record<WalletErrorCode, ErrorKind>> = {
  TAONODE_WALLET_WRONG_PASSWORD: 'unauthenticated',
  TAONODE_WALLET_PASSWORD_REQUIRED: 'failed-precondition',
  TAONODE_WALLET_PASSWORD_REJECTED: 'invalid-argument',
  TAONODE_WALLET_NOT_FOUND: 'not-found',
  TAONODE_WALLET_MALFORMED_KEYFILE: 'failed-precondition',
  TAONODE_WALLET_UNSUPPORTED_ENCRYPTION: 'unimplemented',
  TAONODE_WALLET_BAD_MNEMONIC: 'invalid-argument',
  TAONODE_WALLET_FILE_EXISTS: 'already-exists',
  TAONODE_WALLET_KEY_MISMATCH: 'failed-precondition',
  TAONODE_WALLET_INVALID_NAME: 'invalid-argument',
  TAONODE_WALLET_INVALID_KEY: 'invalid-argument',
  TAONODE_WALLET_INVALID_ADDRESS: 'invalid-argument',
  TAONODE_WALLET_INVALID_HEX: 'invalid-argument',
  TAONODE_WALLET_INVALID_SIGNATURE: 'invalid-argument',
  TAONODE_WALLET_INVALID_URI: 'invalid-argument',
  TAONODE_WALLET_NO_PRIVATE_KEY: 'failed-precondition',
  TAONODE_WALLET_IO_ERROR: 'internal',
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
