/** Mortality period the SDK signs with (`DEFAULT_PERIOD` in bittensor `sign_and_send_extrinsic`). */
export const DEFAULT_ERA_PERIOD = 128;

/** A mortal era as substrate encodes it: a power-of-two period and the phase of the birth block in it. */
export interface MortalEra {
  readonly period: number;
  readonly phase: number;
}

const MIN_PERIOD = 4;
const MAX_PERIOD = 1 << 16;

function nextPowerOfTwo(value: number): number {
  let power = 1;
  while (power < value) {
    power *= 2;
  }
  return power;
}

/**
 * The era a transaction signed at block `current` with validity `period` carries (substrate `Era::mortal`):
 * the period is rounded up to a power of two within [4, 65536]; the phase is `current mod period`, quantised
 * to multiples of `period / 4096` so that it fits the 16-bit encoding.
 */
export function mortalEra(current: number, period: number = DEFAULT_ERA_PERIOD): MortalEra {
  const rounded = Math.min(MAX_PERIOD, Math.max(MIN_PERIOD, nextPowerOfTwo(Math.max(1, Math.floor(period)))));
  const phase = current % rounded;
  const quantizeFactor = Math.max(1, rounded >> 12);
  return { period: rounded, phase: Math.floor(phase / quantizeFactor) * quantizeFactor };
}

/** First block at which a transaction with `era` is valid, given any block `current` in its window. */
export function eraBirth(era: MortalEra, current: number): number {
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}

/** First block at which the transaction is no longer valid (the pool then calls it outdated/stale). */
export function eraDeath(era: MortalEra, current: number): number {
  return eraBirth(era, current) + era.period;
}

/** Whether a transaction whose era was computed at `signedAt` may still be included in block `block`. */
export function isEraAlive(era: MortalEra, signedAt: number, block: number): boolean {
  return block >= eraBirth(era, signedAt) && block < eraDeath(era, signedAt);
}
