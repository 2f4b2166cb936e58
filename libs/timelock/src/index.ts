/**
 * @taonode/timelock — drand-timelocked commits (commit-reveal v3/v4) in pure TypeScript, byte-compatible with the
 * `tle` crate the chain decrypts with (docs/timelock.md).
 *
 * ```ts
 * const plaintext = encodeWeightsPayload({ hotkey, uids, values, versionKey });   // SCALE WeightsTlockPayload
 * const { round } = revealRound({ epochs, revealPeriod, currentBlock, nowSeconds, blockTimeSeconds, beacon });
 * const commit = encryptTimelocked({ publicKey: beacon.publicKey, round, plaintext }); // fresh secrets each call
 * // … after the round: decodeWeightsPayload(decryptTimelocked(commit, pulse.signature))
 * ```
 * Every failure is a {@link TimelockError} with a stable `code`.
 */
export { isTimelockError, TimelockError, type TimelockErrorCode } from './timelock.error';
export {
  assertRound,
  DRAND_QUICKNET,
  QUICKNET_G1_DST,
  roundAtTime,
  roundMessage,
  type DrandBeacon,
} from './drand/drand-beacon';
export { decodePublicKey, decodeSignature, roundIdentity } from './drand/bls-points';
export { TestBeacon, verifyPulse, type BeaconSecretKey } from './drand/test-beacon';
export { pulseRandomness } from './drand/pulse-randomness';
export {
  CONTAINER_OVERHEAD_BYTES,
  MAX_COMMIT_BYTES,
  MAX_PLAINTEXT_BYTES,
  parseTleCiphertext,
  serializeTleCiphertext,
  type TleCiphertext,
} from './container/tle-ciphertext';
export { systemRandom, type RandomSource } from './ibe/random-source';
export {
  encryptTimelocked,
  sealTimelocked,
  type TimelockEncryptRequest,
  type TimelockSecrets,
} from './ibe/timelock-encrypt';
export { decryptTimelocked } from './ibe/timelock-decrypt';
export {
  decodeWeightsPayload,
  encodeLegacyWeightsPayload,
  encodeWeightsPayload,
  type WeightsPayload,
  type WeightsPayloadFields,
} from './payload/weights-payload';
export { MAX_TEMPO, revealSchedule, type EpochState, type RevealSchedule } from './reveal-round/epoch-schedule';
export {
  LEGACY_PULSE_DELAY_ROUNDS,
  legacyRevealRound,
  revealRound,
  SECURITY_BLOCK_OFFSET,
  type RevealRound,
  type RevealRoundInput,
} from './reveal-round/reveal-round';
