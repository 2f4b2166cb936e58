import { keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed } from '@polkadot/util-crypto';
import { createSr25519Signer, type Signer } from '../../src/signature/signer';

/** Substrate's well-known development phrase (//Alice, //Bob … derive from it). */
export const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';

/** The sr25519 pair of a dev URI such as `//Alice`, built directly with util-crypto (no wallet code). */
export function devPair(uri: '//Alice' | '//Bob' | `//${string}`): { publicKey: Uint8Array; secretKey: Uint8Array } {
  const root = sr25519PairFromSeed(mnemonicToMiniSecret(DEV_PHRASE));
  const { path } = keyExtractSuri(`${DEV_PHRASE}${uri}`);
  return keyFromPath(root, path, 'sr25519');
}

/** A signer for a dev URI. */
export function devSigner(uri: '//Alice' | '//Bob' | `//${string}`): Signer {
  return createSr25519Signer(devPair(uri));
}
