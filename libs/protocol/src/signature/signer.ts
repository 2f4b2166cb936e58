import { encodeAddress } from '@polkadot/util-crypto';
import { SigningError } from '../errors/local-errors';
import { sr25519SignRaw } from './sr25519';

/** Signs protocol messages with a hotkey. `@taonode/wallet`'s `Keypair` satisfies it. */
export interface Signer {
  /** SS58 address (format 42) of the signing hotkey. */
  readonly ss58Address: string;
  /** sr25519 signature (64 bytes) of the message bytes, signing context `substrate`. */
  sign(message: Uint8Array): Uint8Array;
}

/** SS58 format of Bittensor addresses. */
export const BITTENSOR_SS58_FORMAT = 42;

/** Signs the UTF-8 bytes of `message` and returns `0x` + lowercase hex, the SDK's signature encoding. */
export function signMessageHex(signer: Signer, message: string): string {
  let signature: Uint8Array;
  try {
    signature = signer.sign(Buffer.from(message, 'utf8'));
  } catch (error) {
    throw new SigningError(`Signer ${signer.ss58Address} failed`, { cause: error });
  }
  if (!(signature instanceof Uint8Array) || signature.length !== 64) {
    throw new SigningError(`Signer ${signer.ss58Address} did not return a 64-byte sr25519 signature`);
  }
  return `0x${Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('hex')}`;
}

/**
 * A {@link Signer} over an sr25519 pair (`publicKey` 32 bytes, `secretKey` 64 bytes in ed25519 form, as
 * util-crypto's `sr25519PairFromSeed` returns). Uses the WASM backend once {@link initProtocolCrypto} has run.
 */
export function createSr25519Signer(pair: { publicKey: Uint8Array; secretKey: Uint8Array }): Signer {
  const ss58Address = encodeAddress(pair.publicKey, BITTENSOR_SS58_FORMAT);
  return {
    ss58Address,
    sign: (message) => sr25519SignRaw(message, pair),
  };
}
