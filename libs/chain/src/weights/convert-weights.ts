import { FLOAT32, type Precision } from './float32';
import { U16_MAX } from './process-weights';

export class InvalidWeightsError extends Error {
  readonly code = 'TAONODE_INVALID_WEIGHTS';
}

export interface EmittableWeights {
  readonly uids: number[];
  /** u16 values, the largest 65535. */
  readonly values: number[];
}

/**
 * The SDK's `convert_weights_and_uids_for_emit` (protocol.md §6.1): float weights are rounded to float32
 * (the SDK first builds float32 arrays), max-upscaled so the largest is 1, scaled to u16 with Python's
 * round-half-to-even, and zero entries are dropped with their uids. Pass `FLOAT64` for weights that are
 * already a float64 numpy array on the SDK side (the padded output of `processWeightsForNetuid`).
 */
export function convertWeightsAndUidsForEmit(
  uids: readonly number[],
  weights: readonly number[],
  precision: Precision = FLOAT32,
): EmittableWeights {
  if (uids.length !== weights.length) {
    throw new InvalidWeightsError(`uids and weights differ in length: ${uids.length} != ${weights.length}`);
  }
  const atPrecision = weights.map(precision);
  if (atPrecision.some((weight) => weight < 0 || Number.isNaN(weight))) {
    throw new InvalidWeightsError('weights must be non-negative numbers');
  }
  if (uids.some((uid) => !Number.isInteger(uid) || uid < 0)) {
    throw new InvalidWeightsError('uids must be non-negative integers');
  }
  const total = atPrecision.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) {
    return { uids: [], values: [] };
  }
  const max = Math.max(...atPrecision);
  const result: EmittableWeights = { uids: [], values: [] };
  atPrecision.forEach((weight, index) => {
    const value = roundHalfEven((weight / max) * U16_MAX);
    if (value !== 0) {
      result.uids.push(uids[index] ?? 0);
      result.values.push(value);
    }
  });
  return result;
}

/** Python's `round(x)`: ties go to the even integer (JS Math.round sends them up). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (fraction > 0.5) {
    return floor + 1;
  }
  if (fraction < 0.5) {
    return floor;
  }
  return floor % 2 === 0 ? floor : floor + 1;
}
