/**
 * numpy float32 arithmetic emulated with doubles: every intermediate is rounded to float32 with
 * Math.fround, as numpy does for float32 arrays (and, under NEP 50, for float32 scalars mixed with Python
 * floats), so results match the SDK bit for bit rather than only approximately.
 */
export const f32 = Math.fround;

/** Rounds an intermediate result to the precision of the numpy array being computed on. */
export type Precision = (value: number) => number;
export const FLOAT32: Precision = Math.fround;
export const FLOAT64: Precision = (value) => value;

/** numpy's pairwise summation (`np.sum`), including its 8-way unrolled block order, at the array's precision. */
export function numpySum(values: readonly number[], precision: Precision = FLOAT32): number {
  return pairwiseSum(values, 0, values.length, precision);
}

const PAIRWISE_BLOCK_SIZE = 128;

function pairwiseSum(values: readonly number[], start: number, length: number, round: Precision): number {
  const at = (index: number): number => values[start + index] ?? 0;
  if (length < 8) {
    let result = 0;
    for (let index = 0; index < length; index += 1) {
      result = round(result + at(index));
    }
    return result;
  }
  if (length <= PAIRWISE_BLOCK_SIZE) {
    const partial = [at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)];
    let index = 8;
    for (; index < length - (length % 8); index += 8) {
      for (let lane = 0; lane < 8; lane += 1) {
        partial[lane] = round((partial[lane] ?? 0) + at(index + lane));
      }
    }
    const [r0 = 0, r1 = 0, r2 = 0, r3 = 0, r4 = 0, r5 = 0, r6 = 0, r7 = 0] = partial;
    let result = round(round(round(r0 + r1) + round(r2 + r3)) + round(round(r4 + r5) + round(r6 + r7)));
    for (; index < length; index += 1) {
      result = round(result + at(index));
    }
    return result;
  }
  // Split in two halves, the first a multiple of 8 long, as numpy does.
  let half = Math.floor(length / 2);
  half -= half % 8;
  return round(pairwiseSum(values, start, half, round) + pairwiseSum(values, start + half, length - half, round));
}

/** `np.cumsum`: sequential accumulation at the array's precision. */
export function numpyCumsum(values: readonly number[], round: Precision = FLOAT32): number[] {
  let running = 0;
  return values.map((value) => {
    running = round(running + value);
    return running;
  });
}

export function maxOf(values: readonly number[]): number {
  return values.reduce((max, value) => (value > max ? value : max), Number.NEGATIVE_INFINITY);
}
