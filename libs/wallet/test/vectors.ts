import { loadBittensorVectors } from '@taonode/testing';

/** The shared Bittensor vectors (`shared/vectors/bittensor-vectors.json`), `keys` and `keyfile` entries. */
interface BittensorVectors {
  keys: {
    mnemonic: string;
    bip39_entropy: string;
    mini_secret_seed: string;
    public_key: string;
    ss58_format_42: string;
    'secret_key_schnorrkel_to_bytes_form (keyfile privateKey)': string;
    'secret_key_ed25519_form (polkadot-js secretKey)': string;
    dev_uris: Record<string, [string, string]>;
    ss58_checksum: { pubkey: string; prefix: number; checksum_first2: string; address: string };
  };
  keyfile: {
    plaintext_json_example: string;
    coldkeypub_txt_example: string;
    nacl_encryption: {
      password: string;
      salt_hex: string;
      argon2i_derived_key: string;
      nonce: string;
      file_bytes_base64: string;
      file_bytes_hex: string;
    };
  };
}

export const vectors = loadBittensorVectors<BittensorVectors>();
export const keyVectors = vectors.keys;
export const keyfileVectors = vectors.keyfile;
export const schnorrkelSecretHex = keyVectors['secret_key_schnorrkel_to_bytes_form (keyfile privateKey)'];
export const ed25519SecretHex = keyVectors['secret_key_ed25519_form (polkadot-js secretKey)'];
