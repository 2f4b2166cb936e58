import { createCipheriv, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';

/**
 * Test-only Ansible Vault 1.1 AES256 *encoder*, written from the format's documentation (the library only
 * decrypts): PBKDF2-SHA256(password, 32-byte salt, 10 000) → 80 bytes = AES-256 key ‖ HMAC key ‖ CTR IV;
 * PKCS#7-pad, AES-256-CTR, HMAC-SHA256 over the ciphertext; body = hex(salt) \n hex(hmac) \n hex(ciphertext),
 * hexlified again and wrapped at 80 columns under the `$ANSIBLE_VAULT;1.1;AES256` header.
 */
export function ansibleVaultEncrypt(plaintext: string, password: string, salt: Buffer = randomBytes(32)): Buffer {
  const derived = pbkdf2Sync(password, salt, 10000, 80, 'sha256');
  const padLength = 16 - (Buffer.byteLength(plaintext) % 16);
  const padded = Buffer.concat([Buffer.from(plaintext, 'utf8'), Buffer.alloc(padLength, padLength)]);
  const cipher = createCipheriv('aes-256-ctr', derived.subarray(0, 32), derived.subarray(64, 80));
  const ciphertext = Buffer.concat([cipher.update(padded), cipher.final()]);
  const hmac = createHmac('sha256', derived.subarray(32, 64)).update(ciphertext).digest();
  const inner = [salt.toString('hex'), hmac.toString('hex'), ciphertext.toString('hex')].join('\n');
  const outer = Buffer.from(inner, 'latin1').toString('hex');
  const lines = outer.match(/.{1,80}/g) ?? [];
  return Buffer.from(['$ANSIBLE_VAULT;1.1;AES256', ...lines].join('\n') + '\n', 'latin1');
}
