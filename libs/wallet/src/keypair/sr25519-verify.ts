import { sr25519VerifyWithBytesWrapper } from '@taonode/protocol';
import { publicKeyFromAddressOrHex } from '../crypto/ss58.util';
import { messageToBytes, signatureToBytes, type SignableMessage, type SignatureInput } from './signable-bytes.util';

/**
 * sr25519 verification (signing context `substrate`) as btwallet does it: the message as given, and if that
 * fails the message wrapped in `<Bytes>…</Bytes>` (what polkadot-js extensions sign for raw payloads). Runs the
 * one sr25519 verification path of the project (`@taonode/protocol`, schnorrkel compiled to WASM), so, like
 * sp_core, a signature without schnorrkel's marker or with an undecodable point or key is simply false.
 * Throws `TAONODE_WALLET_INVALID_SIGNATURE` for a malformed signature (not 64 bytes / not hex), returns false for a
 * non-matching one.
 */
export function verifySr25519(message: SignableMessage, signature: SignatureInput, publicKey: Uint8Array): boolean {
  return sr25519VerifyWithBytesWrapper(messageToBytes(message), signatureToBytes(signature), publicKey);
}

/** {@link verifySr25519} against an SS58 address (any prefix) or a `0x`-hex public key. */
export function verifySignature(message: SignableMessage, signature: SignatureInput, signer: string): boolean {
  return verifySr25519(message, signature, publicKeyFromAddressOrHex(signer));
}
