import { createDecipheriv, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import { WalletError } from '../errors/wallet.error';

/** File prefix of the legacy (pre-NaCl) encryption, which btwallet still decrypts. */
export const ANSIBLE_VAULT_PREFIX = '$ANSIBLE_VAULT';

/** Ansible Vault 1.1 `AES256`: PBKDF2-SHA256, 10 000 iterations, 80 bytes = AES key ‖ HMAC key ‖ CTR IV. */
const PBKDF2_ITERATIONS = 10000;
const AES_KEY_LENGTH = 32;
const HMAC_KEY_LENGTH = 32;
const IV_LENGTH = 16;
const BLOCK_SIZE = 16;
const HEX_BODY = /^[0-9a-fA-F]+$/;

function malformed(reason: string): WalletError {
  return new WalletError('TAONODE_WALLET_MALFORMED_KEYFILE', `Ansible Vault keyfile: ${reason}`);
}

function hexField(value: string | undefined, what: string): Buffer {
  if (value === undefined || value.length % 2 !== 0 || !HEX_BODY.test(value)) {
    throw malformed(`${what} is not hex`);
  }
  return Buffer.from(value, 'hex');
}

function removePkcs7Padding(padded: Buffer): Buffer {
  const padLength = padded[padded.length - 1];
  if (padLength === undefined || padLength === 0 || padLength > BLOCK_SIZE || padLength > padded.length) {
    throw malformed('bad padding');
  }
  for (let index = padded.length - padLength; index < padded.length; index += 1) {
    if (padded[index] !== padLength) {
      throw malformed('bad padding');
    }
  }
  return padded.subarray(0, padded.length - padLength);
}

/**
 * Decrypts an Ansible Vault 1.1/1.2 AES256 file: header line `$ANSIBLE_VAULT;1.1;AES256[;label]`, then hex
 * lines; the hex decodes to `hex(salt)\nhex(hmac)\nhex(ciphertext)`. The HMAC-SHA256 over the ciphertext is
 * checked first (mismatch = wrong password), then AES-256-CTR and PKCS#7 unpadding.
 */
export function decryptAnsibleVault(data: Uint8Array, password: string): Uint8Array {
  const lines = Buffer.from(data).toString('latin1').split(/\r?\n/u);
  const header = (lines.shift() ?? '').trim().split(';');
  if (header[0] !== ANSIBLE_VAULT_PREFIX || header[2]?.trim() !== 'AES256') {
    throw malformed(`unsupported header "${header.join(';')}"`);
  }
  const outer = hexField(lines.map((line) => line.trim()).join(''), 'body');
  const [saltHex, hmacHex, cipherHex] = outer.toString('latin1').split('\n');
  const salt = hexField(saltHex, 'salt');
  const expectedHmac = hexField(hmacHex, 'HMAC');
  const ciphertext = hexField(cipherHex, 'ciphertext');

  const derived = pbkdf2Sync(
    Buffer.from(password, 'utf8'),
    salt,
    PBKDF2_ITERATIONS,
    AES_KEY_LENGTH + HMAC_KEY_LENGTH + IV_LENGTH,
    'sha256',
  );
  const aesKey = derived.subarray(0, AES_KEY_LENGTH);
  const hmacKey = derived.subarray(AES_KEY_LENGTH, AES_KEY_LENGTH + HMAC_KEY_LENGTH);
  const iv = derived.subarray(AES_KEY_LENGTH + HMAC_KEY_LENGTH);

  const actualHmac = createHmac('sha256', hmacKey).update(ciphertext).digest();
  if (actualHmac.length !== expectedHmac.length || !timingSafeEqual(actualHmac, expectedHmac)) {
    throw new WalletError(
      'TAONODE_WALLET_WRONG_PASSWORD',
      'wrong password: the Ansible Vault keyfile could not be decrypted',
    );
  }
  const decipher = createDecipheriv('aes-256-ctr', aesKey, iv);
  const padded = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  return new Uint8Array(removePkcs7Padding(padded));
}
