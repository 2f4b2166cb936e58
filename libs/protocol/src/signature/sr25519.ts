import { sr25519Sign, sr25519Verify } from '@polkadot/util-crypto';
import { isReady as isWasmReady, sr25519Sign as wasmSign, sr25519Verify as wasmVerify } from '@polkadot/wasm-crypto';

const BYTES_OPEN = Buffer.from('<Bytes>', 'utf8');
const BYTES_CLOSE = Buffer.from('</Bytes>', 'utf8');

/** Plain sr25519 verification (context `substrate`): WASM when ready (≈10× faster), util-crypto otherwise. */
export function sr25519VerifyRaw(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  return isWasmReady() ? wasmVerify(signature, message, publicKey) : sr25519Verify(message, signature, publicKey);
}

/**
 * btwallet's `Keypair.verify`: the message as given, and if that fails the message wrapped in `<Bytes>…</Bytes>`
 * (polkadot-js extensions sign raw payloads that way). `signature` must be 64 bytes, `publicKey` 32.
 */
export function sr25519VerifyWithBytesWrapper(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (sr25519VerifyRaw(message, signature, publicKey)) {
    return true;
  }
  return sr25519VerifyRaw(Buffer.concat([BYTES_OPEN, message, BYTES_CLOSE]), signature, publicKey);
}

/** sr25519 signing with an ed25519-form secret (the 64-byte `secretKey` of util-crypto / @scure pairs). */
export function sr25519SignRaw(
  message: Uint8Array,
  pair: { publicKey: Uint8Array; secretKey: Uint8Array },
): Uint8Array {
  return isWasmReady() ? wasmSign(pair.publicKey, pair.secretKey, message) : sr25519Sign(message, pair);
}
