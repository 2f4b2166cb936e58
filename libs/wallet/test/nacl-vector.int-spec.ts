import { thrownBy } from '@taonode/testing';
import { bytesToHex, hexToBytes } from '../src/crypto/hex.util';
import { decryptKeyfileData } from '../src/keyfile/keyfile-encryption';
import { deserializeKeyfile } from '../src/keyfile/keyfile-json.codec';
import {
  deriveNaclKey,
  NACL_ARGON2I_PARAMS,
  openNaclKeyfile,
  sealNaclKeyfile,
} from '../src/keyfile/nacl-keyfile.cipher';
import { keyfileVectors, keyVectors } from './vectors';

// SLOW: every deriveNaclKey / decryptKeyfileData call is one real Argon2i over 512 MiB. Two in this file: the key
// derived once in beforeAll serves every check that needs a key; only the end-to-end decryption from the password
// derives again, because deriving is what it checks.
/** Budget for one Argon2i: ~5 s idle, ~100 s measured on the shared 2-core box at load 15. */
const ONE_ARGON2_MS = 180_000;

describe('NaCl keyfile vector (slow: real Argon2i, 512 MiB)', () => {
  const nacl = keyfileVectors.nacl_encryption;
  const fileBytes = new Uint8Array(Buffer.from(nacl.file_bytes_base64, 'base64'));
  let derivedKey: Uint8Array;

  beforeAll(async () => {
    derivedKey = await deriveNaclKey(nacl.password);
  }, ONE_ARGON2_MS);

  it('uses the documented salt', () => {
    expect(bytesToHex(NACL_ARGON2I_PARAMS.salt)).toBe(nacl.salt_hex);
  });

  it('derives the vector Argon2i key from the password', () => {
    expect(bytesToHex(derivedKey)).toBe(nacl.argon2i_derived_key);
  });

  it('decrypts the vector file bytes to the plaintext example', () => {
    expect(Buffer.from(openNaclKeyfile(fileBytes, derivedKey)).toString('utf8')).toBe(
      keyfileVectors.plaintext_json_example,
    );
  });

  it('reproduces the vector file byte for byte with the fixed nonce', () => {
    const plaintext = new Uint8Array(Buffer.from(keyfileVectors.plaintext_json_example, 'utf8'));
    const sealed = sealNaclKeyfile(plaintext, derivedKey, hexToBytes(nacl.nonce, 'nonce'));
    expect(bytesToHex(sealed)).toBe(nacl.file_bytes_hex);
  });

  it('reports a wrong key as a wrong password', () => {
    const wrongKey = derivedKey.map((byte, index) => (index === 0 ? byte ^ 1 : byte));
    expect(thrownBy(() => openNaclKeyfile(fileBytes, wrongKey))).toMatchObject({
      code: 'TAONODE_WALLET_WRONG_PASSWORD',
    });
  });

  it(
    'decrypts the vector file from the password end to end to the expected address',
    async () => {
      const plaintext = await decryptKeyfileData(fileBytes, nacl.password);
      expect(deserializeKeyfile(plaintext).ss58Address).toBe(keyVectors.ss58_format_42);
    },
    ONE_ARGON2_MS,
  );
});
