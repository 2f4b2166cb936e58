import { naclDecrypt, naclEncrypt } from '@polkadot/util-crypto';
import { argon2i } from 'hash-wasm';
import { WalletError } from '../errors/wallet.error';

/** File prefix of btwallet's current encryption. */
export const NACL_PREFIX = '$NACL';

/** libsodium `crypto_pwhash_argon2i13` with OPSLIMIT/MEMLIMIT_SENSITIVE and btwallet's fixed salt (§7.4). */
export const NACL_ARGON2I_PARAMS = {
  salt: new Uint8Array([
    0x13, 0x71, 0x83, 0xdf, 0xf1, 0x5a, 0x09, 0xbc, 0x9c, 0x90, 0xb5, 0x51, 0x87, 0x39, 0xe9, 0xb1,
  ]),
  iterations: 8,
  /** KiB: 536 870 912 bytes = 512 MiB. */
  memorySize: 524288,
  parallelism: 1,
  hashLength: 32,
} as const;

/** XSalsa20 nonce length, stored right after the `$NACL` prefix. */
export const NACL_NONCE_LENGTH = 24;
const MAC_LENGTH = 16;
const PREFIX_BYTES = new Uint8Array(Buffer.from(NACL_PREFIX, 'ascii'));

/**
 * The secretbox key for `password`: Argon2i v1.3, 8 passes over 512 MiB (≈5 s and 512 MiB of RAM in Node).
 * The salt is fixed by btwallet, so the key depends on the password only.
 */
export async function deriveNaclKey(password: string): Promise<Uint8Array> {
  return argon2i({
    password: new Uint8Array(Buffer.from(password, 'utf8')),
    salt: NACL_ARGON2I_PARAMS.salt,
    iterations: NACL_ARGON2I_PARAMS.iterations,
    memorySize: NACL_ARGON2I_PARAMS.memorySize,
    parallelism: NACL_ARGON2I_PARAMS.parallelism,
    hashLength: NACL_ARGON2I_PARAMS.hashLength,
    outputType: 'binary',
  });
}

/** `$NACL` ‖ nonce ‖ secretbox(plaintext) under an already derived key (see {@link deriveNaclKey}). */
export function sealNaclKeyfile(plaintext: Uint8Array, key: Uint8Array, nonce?: Uint8Array): Uint8Array {
  if (nonce !== undefined && nonce.length !== NACL_NONCE_LENGTH) {
    throw new WalletError('TAONODE_WALLET_INVALID_KEY', `NaCl nonce must be 24 bytes, got ${nonce.length}`);
  }
  const sealed = naclEncrypt(plaintext, key, nonce);
  const out = new Uint8Array(PREFIX_BYTES.length + NACL_NONCE_LENGTH + sealed.encrypted.length);
  out.set(PREFIX_BYTES, 0);
  out.set(sealed.nonce, PREFIX_BYTES.length);
  out.set(sealed.encrypted, PREFIX_BYTES.length + NACL_NONCE_LENGTH);
  return out;
}

/** Opens `$NACL` data with an already derived key; a failed MAC is `TAONODE_WALLET_WRONG_PASSWORD`. */
export function openNaclKeyfile(data: Uint8Array, key: Uint8Array): Uint8Array {
  const body = data.subarray(PREFIX_BYTES.length);
  if (body.length < NACL_NONCE_LENGTH + MAC_LENGTH) {
    throw new WalletError('TAONODE_WALLET_MALFORMED_KEYFILE', 'NaCl keyfile is truncated');
  }
  const plaintext = naclDecrypt(body.subarray(NACL_NONCE_LENGTH), body.subarray(0, NACL_NONCE_LENGTH), key);
  if (plaintext === null) {
    throw new WalletError('TAONODE_WALLET_WRONG_PASSWORD', 'wrong password: the keyfile could not be decrypted');
  }
  return plaintext;
}

/**
 * `$NACL` ‖ nonce (24) ‖ XSalsa20-Poly1305 secretbox (MAC first) of `plaintext`, exactly btwallet's
 * `encrypt_keyfile_data`. `nonce` is random unless given (tests pin it to reproduce the vector).
 */
export async function naclEncryptKeyfile(
  plaintext: Uint8Array,
  password: string,
  nonce?: Uint8Array,
): Promise<Uint8Array> {
  return sealNaclKeyfile(plaintext, await deriveNaclKey(password), nonce);
}

/** Opens a `$NACL` keyfile with `password` (one Argon2i derivation). */
export async function naclDecryptKeyfile(data: Uint8Array, password: string): Promise<Uint8Array> {
  if (data.length < PREFIX_BYTES.length + NACL_NONCE_LENGTH + MAC_LENGTH) {
    throw new WalletError('TAONODE_WALLET_MALFORMED_KEYFILE', 'NaCl keyfile is truncated');
  }
  return openNaclKeyfile(data, await deriveNaclKey(password));
}
