import { ProtocolError, type ProtocolErrorCode } from './protocol-error';

/** Codes of the 401 family; each maps to one check of `default_verify` (protocol.md §2.3) or taonode's policy. */
export type NotVerifiedCode = Extract<
  ProtocolErrorCode,
  | 'TAONODE_PROTOCOL_HOTKEY_MISSING'
  | 'TAONODE_PROTOCOL_HOTKEY_INVALID'
  | 'TAONODE_PROTOCOL_NONCE_MISSING'
  | 'TAONODE_PROTOCOL_NONCE_TOO_OLD'
  | 'TAONODE_PROTOCOL_NONCE_NOT_NEWER'
  | 'TAONODE_PROTOCOL_NONCE_IN_FUTURE'
  | 'TAONODE_PROTOCOL_SIGNATURE_MISSING'
  | 'TAONODE_PROTOCOL_SIGNATURE_MALFORMED'
  | 'TAONODE_PROTOCOL_SIGNATURE_MISMATCH'
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
