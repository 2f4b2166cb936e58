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

/**
 * The one error class of `@taonode/wallet`. Messages are single-line and never contain secret material
 * (passwords, mnemonics, seeds, private keys); file paths and public addresses may appear.
 */
export class WalletError extends Error {
  override readonly name = 'WalletError';

  constructor(
    /** Stable machine-readable code. */
    readonly code: WalletErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a {@link WalletError}, optionally with the given code. */
export function isWalletError(error: unknown, code?: WalletErrorCode): error is WalletError {
  return error instanceof WalletError && (code === undefined || error.code === code);
}
