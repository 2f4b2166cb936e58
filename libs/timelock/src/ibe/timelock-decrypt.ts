import { createDecipheriv } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';
import { parseTleCiphertext } from '../container/tle-ciphertext';
import { decodeSignature, gtToArkworksBytes, type G2Point } from '../drand/bls-points';
import { TimelockError } from '../timelock.error';
import { h3, sha256, xor } from './ibe-hashes';

const HASH_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

function decodeU(bytes: Uint8Array): G2Point {
  try {
    return bls12_381.G2.Point.fromBytes(Uint8Array.from(bytes));
  } catch (error) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT',
      'header.u is not a compressed BLS12-381 G2 point in the subgroup',
      { cause: error },
    );
  }
}

/**
 * tle's `tld()` as the chain runs it at reveal: parse the container (size bound first, no curve work before),
 * check U, recover sigma and esk with the round's signature, require r·G2 = U, then open AES-256-GCM with a
 * 12-byte nonce. Returns the plaintext; every refusal is a {@link TimelockError} naming what failed.
 */
export function decryptTimelocked(ciphertext: Uint8Array, signature: Uint8Array): Uint8Array {
  const container = parseTleCiphertext(ciphertext);
  if (container.v.length !== HASH_BYTES || container.w.length !== HASH_BYTES) {
    // tle XORs these with 32-byte hashes; any other length cannot pass the r·G2 = U check or yield a 32-byte key.
    throw new TimelockError('TAONODE_TIMELOCK_MALFORMED_CIPHERTEXT', 'header.v and header.w must be 32 bytes each');
  }
  const u = decodeU(container.u);
  const sig = decodeSignature(signature);
  if (sig.is0()) {
    throw new TimelockError('TAONODE_TIMELOCK_WRONG_SIGNATURE', 'the signature does not open this ciphertext');
  }
  const sigma = xor(container.v, sha256(gtToArkworksBytes(bls12_381.pairing(sig, u))));
  const esk = xor(container.w, sha256(sigma));
  const r = h3(sigma, esk);
  if (r === 0n || !bls12_381.G2.Point.BASE.multiply(r).equals(u)) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_WRONG_SIGNATURE',
      "the signature does not open this ciphertext (another round's or another beacon's)",
    );
  }
  if (container.nonce.length !== NONCE_BYTES) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_BAD_NONCE',
      `the AES-GCM nonce is ${container.nonce.length} bytes, not 12`,
    );
  }
  if (container.aesCiphertext.length < TAG_BYTES) {
    throw new TimelockError('TAONODE_TIMELOCK_DECRYPTION_FAILED', 'the AES-GCM body is shorter than its tag');
  }
  const tagStart = container.aesCiphertext.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', esk, container.nonce);
  decipher.setAuthTag(container.aesCiphertext.subarray(tagStart));
  try {
    return Uint8Array.from(
      Buffer.concat([decipher.update(container.aesCiphertext.subarray(0, tagStart)), decipher.final()]),
    );
  } catch (error) {
    throw new TimelockError('TAONODE_TIMELOCK_DECRYPTION_FAILED', 'the AES-GCM tag does not verify', {
      cause: error,
    });
  }
}
