import { bls12_381 } from '@noble/curves/bls12-381';
import { TimelockError } from '../timelock.error';
import { decodePublicKey, decodeSignature, roundIdentity } from './bls-points';

/** A beacon's secret scalar, 32 bytes big-endian, below the group order. */
export type BeaconSecretKey = Uint8Array;

function secretScalar(secretKey: BeaconSecretKey): bigint {
  if (secretKey.length !== 32) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'a beacon secret key is 32 bytes');
  }
  const scalar = BigInt(`0x${Buffer.from(secretKey).toString('hex')}`);
  if (scalar === 0n || scalar >= bls12_381.params.r) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'a beacon secret key must be in [1, r)');
  }
  return scalar;
}

/**
 * A drand-style beacon of our own (quicknet's scheme: signatures on G1, key on G2, unchained), so a devnet can
 * publish real pulses offline. Commits encrypted to {@link TestBeacon.publicKey} open with
 * {@link TestBeacon.signRound}'s signatures exactly as quicknet's open with drand's.
 */
export class TestBeacon {
  /** Compressed G2 public key, the value to put in `Drand.BeaconConfig.public_key`. */
  readonly publicKey: Uint8Array;
  readonly #scalar: bigint;

  constructor(secretKey: BeaconSecretKey) {
    this.#scalar = secretScalar(secretKey);
    this.publicKey = bls12_381.G2.Point.BASE.multiply(this.#scalar).toBytes(true);
  }

  /** The round's 48-byte signature, `sk · hash_to_G1(sha256(u64_be(round)))`. */
  signRound(round: number): Uint8Array {
    return roundIdentity(round).multiply(this.#scalar).toBytes(true);
  }
}

/**
 * Whether `signature` is `publicKey`'s signature of `round` (the pairing check `pallet_drand`'s verifier makes).
 * Malformed points are `false`, not errors: a pulse either verifies or it does not.
 */
export function verifyPulse(publicKey: Uint8Array, round: number, signature: Uint8Array): boolean {
  try {
    return bls12_381.shortSignatures.verify(
      decodeSignature(signature),
      roundIdentity(round),
      decodePublicKey(publicKey),
    );
  } catch (error) {
    if (error instanceof TimelockError) {
      return false;
    }
    throw error;
  }
}
