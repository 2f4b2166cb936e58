import { WalletError } from '../errors/wallet.error';
import { ANSIBLE_VAULT_PREFIX, decryptAnsibleVault } from './ansible-vault.cipher';
import { NACL_PREFIX, naclDecryptKeyfile, naclEncryptKeyfile } from './nacl-keyfile.cipher';

/** How a keyfile's bytes are protected, decided by prefix like btwallet's `keyfile_data_encryption_method`. */
export type KeyfileEncryption = 'nacl' | 'ansible-vault' | 'legacy-fernet' | 'none';

/** Fernet tokens (base64 of version byte 0x80 + timestamp) start with this. */
const LEGACY_FERNET_PREFIX = 'gAAAAA';

function startsWithAscii(data: Uint8Array, prefix: string): boolean {
  return data.length >= prefix.length && Buffer.from(data.subarray(0, prefix.length)).toString('latin1') === prefix;
}

/** The protection of keyfile bytes, by prefix: `$NACL`, `$ANSIBLE_VAULT`, `gAAAAA` (Fernet), else none. */
export function detectKeyfileEncryption(data: Uint8Array): KeyfileEncryption {
  if (startsWithAscii(data, NACL_PREFIX)) {
    return 'nacl';
  }
  if (startsWithAscii(data, ANSIBLE_VAULT_PREFIX)) {
    return 'ansible-vault';
  }
  if (startsWithAscii(data, LEGACY_FERNET_PREFIX)) {
    return 'legacy-fernet';
  }
  return 'none';
}

/** True for every encrypted form, including the undecryptable legacy Fernet one. */
export function isEncryptedKeyfileData(data: Uint8Array): boolean {
  return detectKeyfileEncryption(data) !== 'none';
}

/** Encrypts keyfile JSON the way btwallet writes it today (`$NACL`). */
export async function encryptKeyfileData(
  plaintext: Uint8Array,
  password: string,
  nonce?: Uint8Array,
): Promise<Uint8Array> {
  return naclEncryptKeyfile(plaintext, password, nonce);
}

/**
 * Decrypts any keyfile form btwallet can read; plaintext data is returned unchanged.
 * Legacy Fernet files fail with `TAONODE_WALLET_UNSUPPORTED_ENCRYPTION`: btwallet's own legacy path decrypts with a
 * freshly generated key (protocol.md §7.4), so no tool can open them.
 */
export async function decryptKeyfileData(data: Uint8Array, password: string): Promise<Uint8Array> {
  const encryption = detectKeyfileEncryption(data);
  switch (encryption) {
    case 'nacl':
      return naclDecryptKeyfile(data, password);
    case 'ansible-vault':
      return decryptAnsibleVault(data, password);
    case 'legacy-fernet':
      throw new WalletError(
        'TAONODE_WALLET_UNSUPPORTED_ENCRYPTION',
        'unsupported legacy encryption (Fernet, pre-2022 bittensor); btwallet cannot decrypt it either',
      );
    case 'none':
      return data;
  }
}
