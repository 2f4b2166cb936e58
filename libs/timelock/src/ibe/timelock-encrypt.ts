import { createCipheriv } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';
import { CIPHER_SUITE_AES_GCM, MAX_PLAINTEXT_BYTES, serializeTleCiphertext } from '../container/tle-ciphertext';
import { decodePublicKey, gtToArkworksBytes, roundIdentity } from '../drand/bls-points';
import { assertRound } from '../drand/drand-beacon';
import { TimelockError } from '../timelock.error';
import { h3, sha256, xor } from './ibe-hashes';
import { systemRandom, type RandomSource } from './random-source';

const SECRET_BYTES = 32;
const NONCE_BYTES = 12;

/** What to encrypt and to whom. */
export interface TimelockEncryptRequest {
  /** The beacon's compressed G2 public key (`Drand.BeaconConfig.public_key`). */
  readonly publicKey: Uint8Array;
  /** The drand round whose signature will open the ciphertext. */
  readonly round: number;
  readonly plaintext: Uint8Array;
}

/**
 * The three secrets of one encryption. `esk` is both the IBE message and the AES-256 key; `sigma` is the IBE
 * randomness (tle derives it from a random scalar, but any 32 uniform bytes are a valid sigma); `nonce` is
 * AES-GCM's.
 */
export interface TimelockSecrets {
  readonly esk: Uint8Array;
  readonly sigma: Uint8Array;
  readonly nonce: Uint8Array;
}

function checkRequest(request: TimelockEncryptRequest): void {
  assertRound(request.round);
  if (request.plaintext.length > MAX_PLAINTEXT_BYTES) {
    throw new TimelockError(
      'TAONODE_TIMELOCK_TOO_LARGE',
      `a ${request.plaintext.length}-byte plaintext makes a commit over the chain's 5000-byte bound ` +
        `(at most ${MAX_PLAINTEXT_BYTES} bytes)`,
    );
  }
}

function checkSecrets(secrets: TimelockSecrets): void {
  const sizes: [keyof TimelockSecrets, number][] = [
    ['esk', SECRET_BYTES],
    ['sigma', SECRET_BYTES],
    ['nonce', NONCE_BYTES],
  ];
  for (const [name, size] of sizes) {
    if (secrets[name].length !== size) {
      throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', `${name} must be ${size} bytes`);
    }
  }
}

/**
 * tle's `tle()` with the secrets given: Boneh–Franklin FullIdent on the round's identity, then AES-256-GCM of
 * the plaintext under `esk`, serialised as the chain's `TLECiphertext<TinyBLS381>`. Deterministic, for
 * known-answer tests and for {@link encryptTimelocked}; a sigma whose H3 is 0 (probability ≈ 2⁻²⁵⁵) is refused.
 */
export function sealTimelocked(request: TimelockEncryptRequest, secrets: TimelockSecrets): Uint8Array {
  checkRequest(request);
  checkSecrets(secrets);
  const publicKey = decodePublicKey(request.publicKey);
  const r = h3(secrets.sigma, secrets.esk);
  if (r === 0n) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', 'sigma gives a zero IBE scalar; draw another');
  }
  const u = bls12_381.G2.Point.BASE.multiply(r).toBytes(true);
  // tle pairs (Q_id, r·P_pub); e(Q_id, r·P_pub) = e(Q_id, P_pub)^r.
  const gId = bls12_381.pairing(roundIdentity(request.round), publicKey.multiply(r));
  const v = xor(secrets.sigma, sha256(gtToArkworksBytes(gId)));
  const w = xor(secrets.esk, sha256(secrets.sigma));
  const cipher = createCipheriv('aes-256-gcm', secrets.esk, secrets.nonce);
  const aesCiphertext = Uint8Array.from(
    Buffer.concat([cipher.update(request.plaintext), cipher.final(), cipher.getAuthTag()]),
  );
  return serializeTleCiphertext({ u, v, w, aesCiphertext, nonce: secrets.nonce, cipherSuite: CIPHER_SUITE_AES_GCM });
}

/**
 * Encrypts `plaintext` so that only the beacon's signature of `round` opens it, with fresh secrets from
 * `random` (the OS CSPRNG unless a test injects one; drawn in the order esk, sigma, nonce). Two calls on the
 * same input give different bytes.
 */
export function encryptTimelocked(request: TimelockEncryptRequest, random: RandomSource = systemRandom): Uint8Array {
  checkRequest(request);
  const esk = random(SECRET_BYTES);
  for (;;) {
    const sigma = random(SECRET_BYTES);
    if (h3(sigma, esk) !== 0n) {
      return sealTimelocked(request, { esk, sigma, nonce: random(NONCE_BYTES) });
    }
  }
}
