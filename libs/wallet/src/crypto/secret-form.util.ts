import { WalletError } from '../errors/wallet.error';

/**
 * sr25519 64-byte secret keys exist in two byte forms (protocol.md §7.2):
 * - schnorrkel form (`SecretKey::to_bytes`, btwallet keyfile `privateKey`): canonical scalar ‖ 32-byte nonce;
 * - ed25519 form (polkadot-js / @scure/sr25519 `secretKey`): scalar × 8 (the cofactor) ‖ the same nonce.
 * The scalar is a little-endian 256-bit integer, so the conversion is a 3-bit shift of the first 32 bytes.
 */
export const SECRET_KEY_LENGTH = 64;

const SCALAR_LENGTH = 32;
/** Order of the Ristretto255 group; schnorrkel's `SecretKey::from_bytes` rejects scalars ≥ this. */
const GROUP_ORDER = (1n << 252n) + 27742317777372353535851937790883648493n;
const UINT256_MASK = (1n << 256n) - 1n;

function readUint256LE(bytes: Uint8Array): bigint {
  let value = 0n;
  for (let index = bytes.length - 1; index >= 0; index -= 1) {
    value = (value << 8n) | BigInt(bytes[index] ?? 0);
  }
  return value;
}

function writeUint256LE(value: bigint): Uint8Array {
  const out = new Uint8Array(SCALAR_LENGTH);
  let rest = value;
  for (let index = 0; index < SCALAR_LENGTH; index += 1) {
    out[index] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}

function assertSecretLength(secret: Uint8Array): void {
  if (secret.length !== SECRET_KEY_LENGTH) {
    throw new WalletError('TAONODE_WALLET_INVALID_KEY', `sr25519 secret key must be 64 bytes, got ${secret.length}`);
  }
}

/** ed25519 form → schnorrkel form: `LE256(ed[0..32]) >> 3`, nonce unchanged. */
export function ed25519ToSchnorrkelSecret(ed25519Secret: Uint8Array): Uint8Array {
  assertSecretLength(ed25519Secret);
  const scalar = readUint256LE(ed25519Secret.subarray(0, SCALAR_LENGTH)) >> 3n;
  const out = new Uint8Array(SECRET_KEY_LENGTH);
  out.set(writeUint256LE(scalar), 0);
  out.set(ed25519Secret.subarray(SCALAR_LENGTH), SCALAR_LENGTH);
  return out;
}

/**
 * schnorrkel form → ed25519 form: `LE256(sk[0..32]) << 3`, nonce unchanged.
 * Rejects non-canonical scalars exactly as schnorrkel's `SecretKey::from_bytes` does, so a key btwallet
 * could not load is not silently accepted here either.
 */
export function schnorrkelToEd25519Secret(schnorrkelSecret: Uint8Array): Uint8Array {
  assertSecretLength(schnorrkelSecret);
  const scalar = readUint256LE(schnorrkelSecret.subarray(0, SCALAR_LENGTH));
  if (scalar >= GROUP_ORDER) {
    throw new WalletError(
      'TAONODE_WALLET_INVALID_KEY',
      'sr25519 secret key is not in schnorrkel form (scalar is not canonical); is it an ed25519-form key?',
    );
  }
  const out = new Uint8Array(SECRET_KEY_LENGTH);
  out.set(writeUint256LE((scalar << 3n) & UINT256_MASK), 0);
  out.set(schnorrkelSecret.subarray(SCALAR_LENGTH), SCALAR_LENGTH);
  return out;
}
