import { bls12_381 } from '@noble/curves/bls12-381';
import { TimelockError } from '../timelock.error';
import { QUICKNET_G1_DST, roundMessage } from './drand-beacon';

/** A G1 point of BLS12-381 (signatures, identities). */
export type G1Point = InstanceType<typeof bls12_381.G1.Point>;
/** A G2 point of BLS12-381 (public keys, the IBE `U`). */
export type G2Point = InstanceType<typeof bls12_381.G2.Point>;

export const G1_COMPRESSED_BYTES = 48;
export const G2_COMPRESSED_BYTES = 96;

/**
 * A drand signature as the chain reads it: exactly 48 bytes, compressed, on the curve and in the subgroup
 * (noble's decoder checks all three, as arkworks' `Validate::Yes` does).
 */
export function decodeSignature(bytes: Uint8Array): G1Point {
  if (bytes.length !== G1_COMPRESSED_BYTES) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_INVALID_SIGNATURE',
      `a beacon signature is ${G1_COMPRESSED_BYTES} bytes (compressed G1), got ${bytes.length}`,
    );
  }
  try {
    // A copy: @noble/curves 1.9.7 clears the flag bits of the bytes it is given, in place.
    return bls12_381.G1.Point.fromBytes(Uint8Array.from(bytes));
  } catch (error) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_SIGNATURE', 'the signature is not a BLS12-381 G1 point', {
      cause: error,
    });
  }
}

/** A beacon public key: 96 bytes, compressed G2, in the subgroup. */
export function decodePublicKey(bytes: Uint8Array): G2Point {
  if (bytes.length !== G2_COMPRESSED_BYTES) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_INVALID_PUBLIC_KEY',
      `a beacon public key is ${G2_COMPRESSED_BYTES} bytes (compressed G2), got ${bytes.length}`,
    );
  }
  try {
    // A copy, as for signatures: the decoder would clear the caller's flag bits.
    const point = bls12_381.G2.Point.fromBytes(Uint8Array.from(bytes));
    if (point.is0()) {
      throw new Error('the point at infinity is no public key');
    }
    return point;
  } catch (error) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_PUBLIC_KEY', 'the public key is not a BLS12-381 G2 point', {
      cause: error,
    });
  }
}

/** The IBE identity of `round`: the G1 point the beacon signs, hash_to_curve(sha256(u64_be(round))). */
export function roundIdentity(round: number): G1Point {
  return bls12_381.G1.hashToCurve(roundMessage(round), { DST: QUICKNET_G1_DST }) as G1Point;
}

const FP_BYTES = 48;

/**
 * H2's input: a pairing value (Fq12) as arkworks 0.4 serialises it — the same twelve Fp coefficients in the same
 * order as noble's `Fp12.toBytes`, but each 48-byte element little-endian instead of big-endian.
 */
export function gtToArkworksBytes(value: ReturnType<typeof bls12_381.pairing>): Uint8Array {
  const bigEndian = bls12_381.fields.Fp12.toBytes(value);
  const out = new Uint8Array(bigEndian.length);
  for (let start = 0; start < bigEndian.length; start += FP_BYTES) {
    out.set(bigEndian.subarray(start, start + FP_BYTES).reverse(), start);
  }
  return out;
}
