import { FLOAT32, maxOf, numpyCumsum, numpySum, type Precision } from './float32';

/** Added by the SDK for numerical stability after normalisation. */
const EPSILON = 1e-7;

/**
 * The SDK's `normalize_max_weight(x, limit)` (protocol.md §6.2): normalises `x` to sum 1 while capping every
 * entry at `limit`, by clipping the largest values at a common cutoff. numpy computes at the precision of the
 * array it is given: float32 on the normal path, float64 where the SDK builds the array with `np.ones(…) * 1e-5`.
 */
export function normalizeMaxWeight(x: readonly number[], limit: number, round: Precision = FLOAT32): number[] {
  const weights = x.map(round);
  const count = weights.length;
  const total = numpySum(weights, round);
  if (total === 0 || count * limit <= 1) {
    return weights.map(() => round(1 / count));
  }
  const sorted = [...weights].sort((a, b) => a - b);
  const sortedTotal = numpySum(sorted, round);
  const estimation = sorted.map((value) => round(value / sortedTotal));
  const limitAtPrecision = round(limit);
  if (maxOf(estimation) <= limitAtPrecision) {
    return weights.map((value) => round(value / total));
  }
  const cumulative = numpyCumsum(estimation, round);
  const epsilon = round(EPSILON);
  let below = 0;
  estimation.forEach((value, index) => {
    const remaining = round((count - index - 1) * value);
    const denominator = round(round(remaining + (cumulative[index] ?? 0)) + epsilon);
    if (round(value / denominator) < limitAtPrecision) {
      below += 1;
    }
  });
  const cumulativeAtCut = cumulative[below - 1] ?? 0;
  // `1 - limit * k` mixes only Python numbers, so numpy evaluates it in double before the array-precision division.
  const scale = round(round(round(limitAtPrecision * cumulativeAtCut) - epsilon) / round(1 - limit * (count - below)));
  const cutoff = round(scale * sortedTotal);
  const clipped = weights.map((value) => (value > cutoff ? cutoff : value));
  const clippedTotal = numpySum(clipped, round);
  return clipped.map((value) => round(value / clippedTotal));
}
