import type { Signer, SignerPayloadRaw, SignerResult } from '@polkadot/types/types';
import { hexToU8a, u8aConcat, u8aEq, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { ChainError } from '../errors/chain.error';

/**
 * What the submitter needs from a key: its public key, its SS58 address and sr25519 signing of raw bytes.
 * `@taonode/wallet`'s `Keypair` satisfies it; the secret never leaves the keypair.
 */
export interface TransactionSigner {
  readonly ss58Address: string;
  readonly publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/** `MultiSignature::Sr25519` variant index: the signature goes on the wire with this byte in front. */
const SR25519_VARIANT = 1;
/** Payloads longer than this are signed as their blake2-256 hash (substrate `SignedPayload::using_encoded`). */
const MAX_UNHASHED_PAYLOAD = 256;

/**
 * An @polkadot/api `Signer` over a {@link TransactionSigner}: @polkadot/api builds the signing payload and
 * this signs its bytes, so no keyring pair (and no copy of the secret) is ever created.
 */
export class KeypairSigner implements Signer {
  #nextId = 0;

  constructor(private readonly keypair: TransactionSigner) {}

  signRaw(raw: SignerPayloadRaw): Promise<SignerResult> {
    if (!u8aEq(decodeAddress(raw.address), this.keypair.publicKey)) {
      return Promise.reject(
        new ChainError(
          'TAONODE_CHAIN_INVALID_ARGUMENT',
          `asked to sign for ${raw.address} with ${this.keypair.ss58Address}`,
        ),
      );
    }
    const payload = hexToU8a(raw.data);
    const message = payload.length > MAX_UNHASHED_PAYLOAD ? blake2AsU8a(payload, 256) : payload;
    const signature = this.keypair.sign(message);
    this.#nextId += 1;
    return Promise.resolve({
      id: this.#nextId,
      signature: u8aToHex(u8aConcat(new Uint8Array([SR25519_VARIANT]), signature)),
    });
  }
}
