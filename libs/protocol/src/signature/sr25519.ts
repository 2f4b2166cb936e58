import { RistrettoPoint } from '@noble/curves/ed25519';
import { sr25519_sign as wasmSign, sr25519_verify as wasmVerify } from '@polkadot-labs/schnorrkel-wasm';

const BYTES_OPEN = Buffer.from('<Bytes>', 'utf8');
const BYTES_CLOSE = Buffer.from('</Bytes>', 'utf8');
const KEY_CACHE_LIMIT = 4096;
const keyValidity = new Map<string, boolean>();

/**
 * Whether 32 bytes are a canonical Ristretto point. schnorrkel's WASM build panics (a trap that leaks its
 * argument buffers and prints to stderr) on undecodable public keys instead of returning false, so they are
 * filtered here; sp_core's verify simply answers false for them. Results are cached per key (bounded).
 */
function isValidPublicKey(publicKey: Uint8Array): boolean {
  const key = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('hex');
  const cached = keyValidity.get(key);
  if (cached !== undefined) {
    return cached;
  }
  let valid: boolean;
  try {
    RistrettoPoint.fromHex(publicKey);
    valid = true;
  } catch (error) {
    // noble throws a plain Error for a non-canonical encoding; that is the answer we were asking for.
    if (!(error instanceof Error)) {
      throw error;
    }
    valid = false;
  }
  if (keyValidity.size >= KEY_CACHE_LIMIT) {
    keyValidity.clear();
  }
  keyValidity.set(key, valid);
  return valid;
}

/**
 * sr25519 verification with signing context `substrate`, as sp_core's `Pair::verify`: false for a signature
 * without schnorrkel's marker bit, a non-canonical key or scalar, or a mismatch. Runs schnorrkel compiled to
 * WASM (@polkadot-labs/schnorrkel-wasm), about twice as fast as @polkadot/wasm-crypto and 20× the pure-JS one.
 */
export function sr25519VerifyRaw(message: Uint8Array, signature: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32 || ((signature[63] ?? 0) & 0x80) === 0) {
    return false;
  }
  if (!isValidPublicKey(publicKey)) {
    return false;
  }
  try {
    return wasmVerify(publicKey, message, signature);
  } catch (error) {
    // A WASM trap means schnorrkel refused the input (a panic); sp_core would have returned false.
    if (error instanceof Error && error.name === 'RuntimeError') {
      return false;
    }
    throw error;
  }
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
  return wasmSign(pair.publicKey, pair.secretKey, message);
}
