import { NotVerifiedError } from '../errors/verification-errors';
import { DEFAULT_NONCE_POLICY, evaluateNonce, nonceEndpointKey, type NoncePolicy } from '../nonce/nonce-policy';
import type { TerminalInfo } from '../synapse/terminal-info';
import { hotkeyPublicKey } from './hotkey-address';
import { decodeSignatureHex } from './signature-hex';
import { requestSigningMessage } from './signing-message';
import { sr25519VerifyWithBytesWrapper } from './sr25519';

/** The header data authentication looks at (a `ParsedRequestHeaders` fits). */
export interface AuthenticationHeaders {
  readonly dendrite: TerminalInfo;
  readonly timeout: number | null;
  readonly computedBodyHash: string | null;
}

/** A request whose caller is proven: the verified hotkey and the nonce to record for its endpoint key. */
export interface AuthenticatedCaller {
  readonly hotkey: string;
  readonly publicKey: Uint8Array;
  readonly uuid: string | null;
  readonly nonce: bigint;
  /** `"{hotkey}:{uuid}"`: where the caller's last nonce is stored. */
  readonly endpointKey: string;
  /** The message the signature covers. */
  readonly signingMessage: string;
}

/** Options of {@link verifyRequestSignature}. */
export interface SignatureCheckOptions {
  /** The axon's own hotkey: the SDK verifies against its wallet key, not the header's claim. */
  readonly ownHotkey: string;
  /**
   * taonode policy (default true): an unsigned request is refused (401 "Not Verified with error: Missing
   * Signature"); the SDK skips the check instead. Python dendrites always sign.
   */
  readonly requireSignature?: boolean;
}

/**
 * Checks hotkey, nonce presence and the sr25519 signature (with btwallet's `<Bytes>` fallback) over
 * `"{nonce}.{hotkey}.{ownHotkey}.{uuid}.{computed_body_hash header}"`. Does not look at nonce freshness.
 * Throws {@link NotVerifiedError} with the SDK's reason texts.
 */
export function verifyRequestSignature(
  headers: AuthenticationHeaders,
  options: SignatureCheckOptions,
): AuthenticatedCaller {
  const { hotkey, nonce, uuid, signature } = headers.dendrite;
  const publicKey = hotkeyPublicKey(hotkey);
  const signingMessage = requestSigningMessage({
    nonce,
    dendriteHotkey: hotkey,
    axonHotkey: options.ownHotkey,
    uuid,
    bodyHash: headers.computedBodyHash,
  });
  if (nonce === null) {
    throw new NotVerifiedError('TAONODE_PROTOCOL_NONCE_MISSING', 'Missing Nonce');
  }
  const caller: AuthenticatedCaller = {
    hotkey: hotkey ?? '',
    publicKey,
    uuid,
    nonce,
    endpointKey: nonceEndpointKey(hotkey, uuid),
    signingMessage,
  };
  if (signature === null || signature === '') {
    if (options.requireSignature ?? true) {
      throw new NotVerifiedError('TAONODE_PROTOCOL_SIGNATURE_MISSING', 'Missing Signature');
    }
    return caller;
  }
  const signatureBytes = decodeSignatureHex(signature);
  if (!sr25519VerifyWithBytesWrapper(Buffer.from(signingMessage, 'utf8'), signatureBytes, publicKey)) {
    throw new NotVerifiedError(
      'TAONODE_PROTOCOL_SIGNATURE_MISMATCH',
      `Signature mismatch with ${signingMessage} and ${signature}`,
    );
  }
  return caller;
}

/** Options of {@link authenticateRequest}. */
export interface AuthenticateOptions extends SignatureCheckOptions {
  /** Server clock, ns since the epoch. */
  readonly nowNs: bigint;
  /** Last accepted nonce for `nonceEndpointKey(dendrite.hotkey, dendrite.uuid)`, `null` if none stored. */
  readonly lastNonce: bigint | null;
  readonly noncePolicy?: NoncePolicy;
}

/**
 * The whole of `default_verify` in the SDK's order — hotkey, nonce present, nonce rules, signature — with
 * taonode's rules (signature required, bounded nonce semantics). The caller stores `nonce` under `endpointKey`
 * on success (compare-and-set: only if still greater than what is stored). Throws {@link NotVerifiedError}.
 */
export function authenticateRequest(headers: AuthenticationHeaders, options: AuthenticateOptions): AuthenticatedCaller {
  const { hotkey, nonce } = headers.dendrite;
  hotkeyPublicKey(hotkey);
  if (nonce === null) {
    throw new NotVerifiedError('TAONODE_PROTOCOL_NONCE_MISSING', 'Missing Nonce');
  }
  const outcome = evaluateNonce({
    nonce,
    nowNs: options.nowNs,
    timeoutSeconds: headers.timeout,
    lastNonce: options.lastNonce,
    policy: options.noncePolicy ?? DEFAULT_NONCE_POLICY,
  });
  if (!outcome.accepted) {
    switch (outcome.reason) {
      case 'too-old':
        throw new NotVerifiedError('TAONODE_PROTOCOL_NONCE_TOO_OLD', outcome.message);
      case 'not-newer':
        throw new NotVerifiedError('TAONODE_PROTOCOL_NONCE_NOT_NEWER', outcome.message);
      case 'in-future':
        throw new NotVerifiedError('TAONODE_PROTOCOL_NONCE_IN_FUTURE', outcome.message);
    }
  }
  return verifyRequestSignature(headers, options);
}
