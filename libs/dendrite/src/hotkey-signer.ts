import { createSr25519Signer, type Signer } from '@taonode/protocol';

/** What {@link hotkeySigner} needs of a wallet keypair (`@taonode/wallet`'s `Keypair` has it). */
export interface RevealableHotkey {
  readonly publicKey: Uint8Array;
  revealEd25519Secret(): Uint8Array;
}

/**
 * The protocol's WASM sr25519 signer over a wallet hotkey. A dendrite signs every request of every round, and
 * the wallet's own `sign` (pure-JS sr25519) costs about a millisecond per signature — 256 of them would delay
 * each round by a quarter of a second of CPU; the WASM signer (the one `@taonode/protocol` verifies with) is an
 * order of magnitude cheaper. The secret stays in this process's memory, as it does inside the keypair.
 */
export function hotkeySigner(keypair: RevealableHotkey): Signer {
  return createSr25519Signer({ publicKey: keypair.publicKey, secretKey: keypair.revealEd25519Secret() });
}
