import { createHash } from 'node:crypto';
import { TimelockError } from '../timelock.error';

/**
 * What a client needs of a drand beacon: its BLS public key (G2, 96 bytes compressed) to encrypt to, and its
 * clock (genesis time, period) to turn a moment into a round. On chain this is `Drand.BeaconConfig`; read it
 * from there rather than assuming quicknet.
 */
export interface DrandBeacon {
  /** Compressed G2 public key (ZCash encoding, the bytes drand publishes). */
  readonly publicKey: Uint8Array;
  /** Unix seconds of round 1. */
  readonly genesisTime: number;
  /** Seconds between rounds. */
  readonly period: number;
}

/**
 * drand quicknet (`bls-unchained-g1-rfc9380`), the beacon subtensor's `pallet_drand` follows by default. Kept for
 * tests and offline tools; clients on a chain read `Drand.BeaconConfig` instead.
 */
export const DRAND_QUICKNET: DrandBeacon = Object.freeze({
  publicKey: Uint8Array.from(
    Buffer.from(
      '83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a',
      'hex',
    ),
  ),
  genesisTime: 1692803367,
  period: 3,
});

/** RFC 9380 domain separation tag of quicknet's G1 signatures; the identity hash uses the same one. */
export const QUICKNET_G1_DST = 'BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_';

/** Rounds are u64 on chain; we keep them as safe JavaScript integers (quicknet is near 2^25 today). */
export function assertRound(round: number): void {
  if (!Number.isSafeInteger(round) || round < 1) {
    throw new TimelockError('TAONODE_TIMELOCK_INVALID_ARGUMENT', `round must be a positive integer, got ${round}`);
  }
}

/**
 * The message an unchained beacon signs for `round`, which is also the IBE identity: `sha256(u64_be(round))`
 * (no previous signature in the unchained scheme).
 */
export function roundMessage(round: number): Uint8Array {
  assertRound(round);
  const encoded = Buffer.alloc(8);
  encoded.writeBigUInt64BE(BigInt(round));
  return Uint8Array.from(createHash('sha256').update(encoded).digest());
}

/**
 * The latest round published at `unixSeconds` by bittensor-drand's rule, `floor((t − genesis) / period)`, at
 * least 1. (drand itself publishes round r at genesis + (r − 1)·period, so this is one round behind: the
 * conservative side for a reveal.)
 */
export function roundAtTime(beacon: Pick<DrandBeacon, 'genesisTime' | 'period'>, unixSeconds: number): number {
  if (!(beacon.period > 0)) {
    throw new TimelockError('TAONODE_TIMELOCK_NO_REVEAL', `beacon period must be positive, got ${beacon.period}`);
  }
  return Math.max(1, Math.floor((unixSeconds - beacon.genesisTime) / beacon.period));
}
