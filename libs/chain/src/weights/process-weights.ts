import { f32, FLOAT64 } from './float32';
import { normalizeMaxWeight } from './normalize-max-weight';

export const U16_MAX = 65535;

export interface ProcessWeightsInput {
  readonly uids: readonly number[];
  readonly weights: readonly number[];
  /** `metagraph.n`. */
  readonly numNeurons: number;
  /** `MinAllowedWeights` (an integer from storage). */
  readonly minAllowedWeights: number;
  /** `MaxWeightsLimit / 65535`. */
  readonly maxWeightLimit: number;
  /** On the 0..65535 scale, as the SDK takes it; default 0. */
  readonly excludeQuantile?: number;
}

export interface ProcessedWeights {
  readonly uids: number[];
  /** Summing to about 1: float32 values (as doubles), or float64 on the SDK's padded/uniform paths. */
  readonly weights: number[];
}

/**
 * The SDK's `process_weights_for_netuid` (protocol.md §6.2): enforces the subnet's minimum number of weights
 * and maximum weight limit before weights are converted for the chain.
 */
export function processWeightsForNetuid(input: ProcessWeightsInput): ProcessedWeights {
  const weights = input.weights.map(f32);
  const quantile = (input.excludeQuantile ?? 0) / U16_MAX;
  const nonZero = weights.flatMap((weight, index) => (weight > 0 ? [index] : []));
  const { numNeurons, minAllowedWeights } = input;
  const allUids = Array.from({ length: numNeurons }, (_, uid) => uid);

  // These two branches build `np.ones(n, dtype=np.int64) / n` and `… * 1e-5`: float64 arrays, unlike the rest.
  if (nonZero.length === 0 || numNeurons < minAllowedWeights) {
    return { uids: allUids, weights: allUids.map(() => 1 / numNeurons) };
  }
  if (nonZero.length < minAllowedWeights) {
    // Every uid gets a floor of 1e-5 so the chain's minimum count is met; the real weights sit on top.
    const padded = allUids.map(() => 1e-5);
    for (const index of nonZero) {
      padded[index] = (padded[index] ?? 0) + (weights[index] ?? 0);
    }
    return { uids: allUids, weights: normalizeMaxWeight(padded, input.maxWeightLimit, FLOAT64) };
  }
  const nonZeroWeights = nonZero.map((index) => weights[index] ?? 0);
  const maxExclude = Math.max(0, nonZero.length - minAllowedWeights) / nonZero.length;
  const lowest = quantileLinear(nonZeroWeights, Math.min(quantile, maxExclude));
  const kept = nonZero.filter((index) => (weights[index] ?? 0) >= lowest);
  return {
    uids: kept.map((index) => input.uids[index] ?? index),
    weights: normalizeMaxWeight(
      kept.map((index) => weights[index] ?? 0),
      input.maxWeightLimit,
    ),
  };
}

/** `np.quantile` with its default linear interpolation. */
export function quantileLinear(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = q * (sorted.length - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * fraction;
}
