import { hexToBytes } from '../crypto/hex.util';
import { WalletError } from '../errors/wallet.error';

/** A message to sign or verify: raw bytes, or a string (btwallet rule: `0x…` is hex, anything else UTF-8). */
export type SignableMessage = Uint8Array | string;

/** A signature: 64 raw bytes, or a `0x`-hex string of 64 bytes (btwallet's `Keypair.verify` rules). */
export type SignatureInput = Uint8Array | string;

/** sr25519 signatures are 64 bytes. */
export const SIGNATURE_LENGTH = 64;

/**
 * Bytes that get signed for `message`. Mirrors btwallet's PyO3 `Keypair.sign/verify`: a string starting
 * with `0x` is hex-decoded, any other string is UTF-8 (dendrite messages start with digits, so they are UTF-8).
 */
export function messageToBytes(message: SignableMessage): Uint8Array {
  if (typeof message !== 'string') {
    return message;
  }
  if (message.startsWith('0x')) {
    return hexToBytes(message, 'message');
  }
  return new Uint8Array(Buffer.from(message, 'utf8'));
}

/** Signature bytes; strings must be `0x`-hex (btwallet refuses other strings), and the result 64 bytes. */
export function signatureToBytes(signature: SignatureInput): Uint8Array {
  let bytes: Uint8Array;
  if (typeof signature === 'string') {
    if (!signature.startsWith('0x')) {
      throw new WalletError('TAONODE_WALLET_INVALID_SIGNATURE', 'signature must be a 0x-prefixed hex string');
    }
    try {
      bytes = hexToBytes(signature, 'signature');
    } catch (error) {
      throw new WalletError('TAONODE_WALLET_INVALID_SIGNATURE', 'signature is not valid hex', { cause: error });
    }
  } else {
    bytes = signature;
  }
  if (bytes.length !== SIGNATURE_LENGTH) {
    throw new WalletError('TAONODE_WALLET_INVALID_SIGNATURE', `signature must be 64 bytes, got ${bytes.length}`);
  }
  return bytes;
}
