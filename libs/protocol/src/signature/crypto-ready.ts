import { cryptoWaitReady } from '@polkadot/util-crypto';
import { isReady as isWasmReady } from '@polkadot/wasm-crypto';

/**
 * Initialises the sr25519 WASM backend (@polkadot/wasm-crypto, via util-crypto's `cryptoWaitReady`). Call once
 * at start-up; until it resolves, verification and the bundled signer fall back to the much slower pure-JS
 * implementation (@scure/sr25519 through util-crypto), so results are the same, only slower.
 */
export async function initProtocolCrypto(): Promise<void> {
  const ready = await cryptoWaitReady();
  if (!ready) {
    throw new Error('sr25519 WASM backend failed to initialise');
  }
}

/** Whether the fast WASM sr25519 backend is ready. */
export function isProtocolCryptoReady(): boolean {
  return isWasmReady();
}
