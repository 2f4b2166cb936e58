import { ProtocolError, type ProtocolErrorCode } from './protocol-error';

/** Codes of the 401 family; each maps to one check of `default_verify` (protocol.md §2.3) or taonode's policy. */
export type NotVerifiedCode = Extract<
  ProtocolErrorCode,
  | 'PROTOCOL_HOTKEY_MISSING'
  | 'PROTOCOL_HOTKEY_INVALID'
  | 'PROTOCOL_NONCE_MISSING'
  | 'PROTOCOL_NONCE_TOO_OLD'
  | 'PROTOCOL_NONCE_NOT_NEWER'
  | 'PROTOCOL_NONCE_IN_FUTURE'
  | 'PROTOCOL_SIGNATURE_MISSING'
  | 'PROTOCOL_SIGNATURE_MALFORMED'
  | 'PROTOCOL_SIGNATURE_MISMATCH'
>;

/**
 * 401 "Not Verified with error: {reason}" (`NotVerifiedException`). `reason` is the exception text the SDK's
 * verification raises (e.g. "Nonce is too old, a newer one was last processed"), kept verbatim.
 */
export class NotVerifiedError extends ProtocolError {
  readonly httpStatus = 401;

  constructor(
    readonly code: NotVerifiedCode,
    readonly reason: string,
  ) {
    super(`Not Verified with error: ${reason}`);
  }
}
