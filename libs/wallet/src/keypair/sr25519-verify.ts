import * as sr25519 from '@scure/sr25519';
import { publicKeyFromAddressOrHex } from '../crypto/ss58.util';
import { messageToBytes, signatureToBytes, type SignableMessage, type SignatureInput } from './signable-bytes.util';

const BYTES_WRAPPER_OPEN = new Uint8Array(Buffer.from('<Bytes>', 'utf8'));
const BYTES_WRAPPER_CLOSE = new Uint8Array(Buffer.from('</Bytes>', 'utf8'));

function wrapInBytesTags(message: Uint8Array): Uint8Array {
  const wrapped = new Uint8Array(BYTES_WRAPPER_OPEN.length + message.length + BYTES_WRAPPER_CLOSE.length);
  wrapped.set(BYTES_WRAPPER_OPEN, 0);
  wrapped.set(message, BYTES_WRAPPER_OPEN.length);
  wrapped.set(BYTES_WRAPPER_CLOSE, BYTES_WRAPPER_OPEN.length + message.length);
  return wrapped;
}

/**
 * sr25519 verification (signing context `substrate`) as btwallet does it: the message as given, and if that
 * fails the message wrapped in `<Bytes>…</Bytes>` (what polkadot-js extensions sign for raw payloads).
 * Throws `WALLET_INVALID_SIGNATURE` for a malformed signature, returns false for a non-matching one.
 */
export function verifySr25519(message: SignableMessage, signature: SignatureInput, publicKey: Uint8Array): boolean {
  const messageBytes = messageToBytes(message);
  const signatureBytes = signatureToBytes(signature);
  if (sr25519.verify(messageBytes, signatureBytes, publicKey)) {
    return true;
  }
  return sr25519.verify(wrapInBytesTags(messageBytes), signatureBytes, publicKey);
}

/** {@link verifySr25519} against an SS58 address (any prefix) or a `0x`-hex public key. */
export function verifySignature(message: SignableMessage, signature: SignatureInput, signer: string): boolean {
  return verifySr25519(message, signature, publicKeyFromAddressOrHex(signer));
}
