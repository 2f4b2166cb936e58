import { keyExtractSuri, keyFromPath } from '@polkadot/util-crypto';
import * as sr25519 from '@scure/sr25519';
import { hexToBytes } from '../crypto/hex.util';
import { mnemonicToMiniSecret } from '../crypto/mnemonic.util';
import { schnorrkelToEd25519Secret } from '../crypto/secret-form.util';
import { WalletError } from '../errors/wallet.error';

/** Substrate's well-known development phrase; `//Alice` means `<DEV_PHRASE>//Alice` (sp_core `SecretUri`). */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** An sr25519 pair with the secret in ed25519 form (the form @scure/sr25519 signs with). */
export interface Ed25519FormPair {
  publicKey: Uint8Array;
  secretKey: Uint8Array;
}

const MINI_SECRET_LENGTH = 32;
const SCHNORRKEL_SECRET_LENGTH = 64;

/**
 * Pair for a 32-byte mini-secret or a 64-byte schnorrkel-form secret: the `from_seed_slice` rule btwallet applies
 * to `secretSeed`, `privateKey` and `--seed`.
 */
export function pairFromSeedBytes(seed: Uint8Array): Ed25519FormPair {
  switch (seed.length) {
    case MINI_SECRET_LENGTH: {
      const secretKey = sr25519.secretFromSeed(seed);
      return { publicKey: sr25519.getPublicKey(secretKey), secretKey };
    }
    case SCHNORRKEL_SECRET_LENGTH: {
      const secretKey = schnorrkelToEd25519Secret(seed);
      return { publicKey: sr25519.getPublicKey(secretKey), secretKey };
    }
    default:
      throw new WalletError(
        'TAONODE_WALLET_INVALID_KEY',
        `seed must be 32 bytes (mini-secret) or 64 bytes (secret key), got ${seed.length}`,
      );
  }
}

/**
 * Resolves a Substrate secret URI `<phrase|0xseed>[/soft][//hard]…[///password]` like sp_core
 * `Pair::from_string`: an empty phrase means {@link DEV_PHRASE}, a hex phrase is a seed, otherwise a BIP39
 * mnemonic whose passphrase is the `///password` part.
 */
export function pairFromSecretUri(uri: string): Ed25519FormPair {
  const fullUri = uri.startsWith('/') ? `${DEV_PHRASE}${uri}` : uri;
  let parsed: ReturnType<typeof keyExtractSuri>;
  try {
    parsed = keyExtractSuri(fullUri);
  } catch (error) {
    throw new WalletError('TAONODE_WALLET_INVALID_URI', 'secret URI is malformed', { cause: error });
  }
  const root = parsed.phrase.startsWith('0x')
    ? pairFromSeedBytes(hexToBytes(parsed.phrase, 'secret URI seed'))
    : pairFromSeedBytes(mnemonicToMiniSecret(parsed.phrase, parsed.password ?? ''));
  try {
    return keyFromPath(root, parsed.path, 'sr25519');
  } catch (error) {
    throw new WalletError('TAONODE_WALLET_INVALID_URI', 'secret URI derivation path cannot be applied', {
      cause: error,
    });
  }
}
