import type { TypeRegistry } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, signatureVerify } from '@polkadot/util-crypto';
import { sr25519VerifyRaw } from '@taonode/protocol';
import type { Hex } from '../state/block-state';
import type { DecodedExtrinsic } from './decoded-extrinsic';

/** The data the signed extensions add to the signed payload without carrying it in the extrinsic. */
export interface ImplicitData {
  readonly specVersion: number;
  readonly transactionVersion: number;
  /** `BlockHash(0)` as the runtime stores it (CheckGenesis). */
  readonly genesisHash: Hex;
  /** `BlockHash(era.birth(current))` (CheckMortality); the genesis hash for immortal transactions. */
  readonly birthHash: Hex;
}

/**
 * The bytes a v4 signature covers: call ++ extra (era, nonce, tip, CheckMetadataHash mode) ++ implicit
 * (spec and tx version, genesis hash, birth hash, metadata hash option), blake2-256-hashed when longer than
 * 256 bytes. The extra fields come from the extrinsic itself, so a client that signed with another mode or
 * metadata hash is checked against what it actually signed.
 */
export function signingPayload(registry: TypeRegistry, decoded: DecodedExtrinsic, implicit: ImplicitData): Uint8Array {
  const { extrinsic } = decoded;
  const payload = registry.createType(
    'ExtrinsicPayload',
    {
      method: u8aToHex(extrinsic.method.toU8a()),
      era: extrinsic.era,
      nonce: extrinsic.nonce,
      tip: extrinsic.tip,
      mode: (extrinsic.inner.signature as unknown as { mode: Codec }).mode,
      metadataHash: undefined,
      specVersion: implicit.specVersion,
      transactionVersion: implicit.transactionVersion,
      genesisHash: implicit.genesisHash,
      blockHash: implicit.birthHash,
    },
    { version: 4 },
  );
  const bytes = payload.toU8a({ method: true });
  return bytes.length > 256 ? blake2AsU8a(bytes, 256) : bytes;
}

/** `MultiSignature::Sr25519` is variant 1: a type byte and 64 signature bytes. */
const SR25519_VARIANT = 1;

/**
 * Checks the extrinsic's MultiSignature over the payload for its signer. sr25519 (what every dev and wallet
 * key uses) goes through schnorrkel compiled to WASM (@taonode/protocol, ~20× util-crypto's pure-JS verify);
 * ed25519 and ecdsa through util-crypto.
 */
export function hasValidSignature(payload: Uint8Array, decoded: DecodedExtrinsic): boolean {
  const signer = decoded.signed?.signer;
  if (!signer) {
    return false;
  }
  // The MultiSignature with its variant byte (`extrinsic.signature` is only the 64 inner bytes): the scheme
  // is the one the signer declared, as `MultiSignature::verify` does, not whichever scheme happens to match.
  const signature = (decoded.extrinsic.inner.signature as unknown as { multiSignature: Codec }).multiSignature.toU8a();
  if (signature[0] === SR25519_VARIANT && signature.length === 65) {
    return sr25519VerifyRaw(payload, signature.subarray(1), decodeAddress(signer));
  }
  try {
    return signatureVerify(payload, signature, signer).isValid;
  } catch (error) {
    // A malformed signature (wrong length for its scheme) is a bad proof, not a server fault.
    if (error instanceof Error) {
      return false;
    }
    throw error;
  }
}
