import { cryptoIsReady, cryptoWaitReady } from '@polkadot/util-crypto';

/**
 * Initialises util-crypto's WASM helpers (used for SS58 checksums). sr25519 itself needs no initialisation (its
 * WASM is instantiated when the module loads), so the codec works before this resolves, only SS58 decoding of
 * new hotkeys is slower. Call once at start-up.
 */
export async function initProtocolCrypto(): Promise<void> {
  const ready = await cryptoWaitReady();
  if (!ready) {
    throw new Error('util-crypto WASM backend failed to initialise');
  }
}

/** Whether {@link initProtocolCrypto} has completed. */
export function isProtocolCryptoReady(): boolean {
  return cryptoIsReady();
}
