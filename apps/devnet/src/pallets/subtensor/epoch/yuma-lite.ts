/** A sparse row: (column uid, value) pairs. */
export type SparseRow = readonly (readonly [number, number])[];

export interface YumaInput {
  /** Each uid's stake weight (`alpha + tao × TaoWeight`), any scale; normalised here. */
  readonly stake: readonly number[];
  /** `LastUpdate + ActivityCutoff >= block`. */
  readonly active: readonly boolean[];
  /** Permits as stored before this epoch: only their holders' weights and stake count. */
  readonly validatorPermit: readonly boolean[];
  readonly maxAllowedValidators: number;
  /** Stored weight rows (u16 values), one per uid. */
  readonly weights: readonly SparseRow[];
  /** Stored bond rows (u16 values, column max-upscaled), one per uid. */
  readonly bonds: readonly SparseRow[];
  readonly lastUpdate: readonly number[];
  readonly blockAtRegistration: readonly number[];
  /** `Kappa / 65535`, the consensus majority (0.5 by default). */
  readonly kappa: number;
  /** `BondsPenalty / 65535`: 0 bonds on raw weights, 1 on consensus-clipped weights. */
  readonly bondsPenalty: number;
  /** `BondsMovingAverage / 1e6`: how much of the old bonds survive each epoch. */
  readonly bondsMovingAverage: number;
}

export interface YumaOutput {
  readonly validatorPermit: boolean[];
  /** Normalised stake (sum 1) — `StakeWeight` once scaled to u16. */
  readonly stake: number[];
  readonly rank: number[];
  readonly trust: number[];
  readonly consensus: number[];
  readonly incentive: number[];
  readonly dividends: number[];
  readonly validatorTrust: number[];
  /** Shares (sum 1 unless nothing is earned) of the epoch's emission going to each uid as miner / validator. */
  readonly serverEmission: number[];
  readonly validatorEmission: number[];
  readonly combinedEmission: number[];
  /** New bond rows, column max-upscaled to [0, 1]; `undefined` for uids whose bonds are left untouched. */
  readonly bonds: (SparseRow | undefined)[];
}

/**
 * A deterministic, floating-point rendering of the spec-224 `epoch()` (Yuma consensus), in its order:
 *
 * 1. Stake is normalised; new validator permits go to the top `MaxAllowedValidators` uids by stake (all uids
 *    when there are no more than that; among equal stakes the higher uid wins, as in `is_topk`).
 * 2. Active stake = stake of uids that are active and held a permit before this epoch, normalised.
 * 3. Weights: rows of non-permitted uids are dropped, self-weights dropped, weights set no later than the
 *    target's registration dropped (the target was replaced since), rows normalised to sum 1.
 * 4. Consensus C_j = the active-stake-weighted median of column j at `kappa`: the smallest weight w with
 *    stake(W_ij < w) ≤ 1 − κ < stake(W_ij ≤ w) over validators with positive active stake.
 * 5. Clipped weights W̄ = min(W, C); validator trust = row sums of W̄; rank R = Σ_i S_i W̄_ij; trust =
 *    R / (Σ_i S_i W_ij); incentive = R normalised.
 * 6. Bonds: ΔB = S_i × (W interpolated toward W̄ by the bonds penalty), column-normalised; the EMA keeps
 *    `bondsMovingAverage` of the old column-normalised bonds (liquid alpha is not simulated);
 *    dividends D_i = Σ_j B_ij I_j, normalised.
 * 7. Emission shares: miners get I_j, validators D_i, both over Σ(I + D); when nothing is earned the
 *    validators' share follows active stake (or plain stake when no stake is active).
 *
 * Differences from the runtime: f64 instead of I32F32/I64F64 fixed point (results may differ in the last
 * u16 step), no liquid alpha, no child-key stake inheritance (handled by the caller's stake), and the stored
 * scores are produced by the caller with the same u16 conversions as the runtime.
 */
export function yumaLite(input: YumaInput): YumaOutput {
  const n = input.stake.length;
  const stake = normalize(input.stake);
  const validatorPermit = topK(stake, input.maxAllowedValidators);
  const activeStake = normalize(stake.map((s, i) => (input.active[i] && input.validatorPermit[i] ? s : 0)));

  const weights = rowNormalize(
    input.weights.map((row, i) =>
      input.validatorPermit[i]
        ? row.filter(([j]) => j !== i && j < n && !((input.lastUpdate[i] ?? 0) <= (input.blockAtRegistration[j] ?? 0)))
        : [],
    ),
  );
  const preranks = matmul(weights, activeStake, n);
  const consensus = weightedMedianColumns(activeStake, weights, n, input.kappa);
  const clipped = weights.map((row) => row.map(([j, w]) => [j, Math.min(w, consensus[j] ?? 0)] as const));
  const validatorTrust = clipped.map((row) => row.reduce((sum, [, w]) => sum + w, 0));
  const ranks = matmul(clipped, activeStake, n);
  const trust = ranks.map((r, j) => ((preranks[j] ?? 0) === 0 ? 0 : r / (preranks[j] ?? 1)));
  const incentive = normalize(ranks);

  const forBonds = weights.map((row, i) =>
    row.map(([j, w]) => {
      const clippedValue = clipped[i]?.find(([k]) => k === j)?.[1] ?? 0;
      return [j, w + input.bondsPenalty * (clippedValue - w)] as const;
    }),
  );
  const oldBonds = colNormalize(
    input.bonds.map((row, i) =>
      row.filter(([j]) => j < n && !((input.lastUpdate[i] ?? 0) <= (input.blockAtRegistration[j] ?? 0))),
    ),
    n,
  );
  const delta = colNormalize(
    forBonds.map((row, i) => row.map(([j, w]) => [j, w * (activeStake[i] ?? 0)] as const)),
    n,
  );
  const alpha = 1 - input.bondsMovingAverage;
  const emaBonds = colNormalize(ema(delta, oldBonds, alpha, n), n);
  const dividends = normalize(emaBonds.map((row) => row.reduce((sum, [j, b]) => sum + b * (incentive[j] ?? 0), 0)));

  const combined = incentive.map((value, i) => value + (dividends[i] ?? 0));
  const emissionSum = combined.reduce((sum, value) => sum + value, 0);
  let serverEmission = incentive.map((value) => (emissionSum === 0 ? 0 : value / emissionSum));
  let validatorEmission = dividends.map((value) => (emissionSum === 0 ? 0 : value / emissionSum));
  let combinedEmission = normalize(combined);
  if (emissionSum === 0) {
    const fallback = activeStake.every((value) => value === 0) ? stake : activeStake;
    serverEmission = serverEmission.map(() => 0);
    validatorEmission = [...fallback];
    combinedEmission = [...fallback];
  }

  const upscaledBonds = colMaxUpscale(emaBonds, n);
  return {
    validatorPermit,
    stake,
    rank: ranks,
    trust,
    consensus,
    incentive,
    dividends,
    validatorTrust,
    serverEmission,
    validatorEmission,
    combinedEmission,
    bonds: upscaledBonds.map((row, i) => (validatorPermit[i] ? row : input.validatorPermit[i] ? [] : undefined)),
  };
}

function normalize(values: readonly number[]): number[] {
  const sum = values.reduce((acc, value) => acc + value, 0);
  return sum === 0 ? [...values] : values.map((value) => value / sum);
}

/** `is_topk`: true for the k largest (stable: among equals the later uids win, as an ascending stable sort drops the first). */
function topK(values: readonly number[], k: number): boolean[] {
  const n = values.length;
  const result = values.map(() => true);
  if (n < k) {
    return result;
  }
  const ascending = values
    .map((value, index) => ({ value, index }))
    .sort((a, b) => a.value - b.value || a.index - b.index);
  for (const { index } of ascending.slice(0, n - k)) {
    result[index] = false;
  }
  return result;
}

function rowNormalize(rows: readonly SparseRow[]): SparseRow[] {
  return rows.map((row) => {
    const sum = row.reduce((acc, [, value]) => acc + value, 0);
    return sum === 0 ? row : row.map(([j, value]) => [j, value / sum] as const);
  });
}

function colNormalize(rows: readonly SparseRow[], n: number): SparseRow[] {
  const sums = new Array<number>(n).fill(0);
  for (const row of rows) {
    for (const [j, value] of row) {
      sums[j] = (sums[j] ?? 0) + value;
    }
  }
  return rows.map((row) =>
    row.map(([j, value]) => [j, (sums[j] ?? 0) === 0 ? value : value / (sums[j] ?? 1)] as const),
  );
}

function colMaxUpscale(rows: readonly SparseRow[], n: number): SparseRow[] {
  const maxima = new Array<number>(n).fill(0);
  for (const row of rows) {
    for (const [j, value] of row) {
      maxima[j] = Math.max(maxima[j] ?? 0, value);
    }
  }
  return rows.map((row) =>
    row.map(([j, value]) => [j, (maxima[j] ?? 0) === 0 ? value : value / (maxima[j] ?? 1)] as const),
  );
}

/** Σ_i row_i[j] × vector_i for every column j. */
function matmul(rows: readonly SparseRow[], vector: readonly number[], n: number): number[] {
  const result = new Array<number>(n).fill(0);
  rows.forEach((row, i) => {
    for (const [j, value] of row) {
      result[j] = (result[j] ?? 0) + value * (vector[i] ?? 0);
    }
  });
  return result;
}

function ema(next: readonly SparseRow[], previous: readonly SparseRow[], alpha: number, n: number): SparseRow[] {
  return next.map((row, i) => {
    const dense = new Array<number>(n).fill(0);
    for (const [j, value] of row) {
      dense[j] = (dense[j] ?? 0) + alpha * value;
    }
    for (const [j, value] of previous[i] ?? []) {
      dense[j] = (dense[j] ?? 0) + (1 - alpha) * value;
    }
    return dense.flatMap((value, j) => (value > 0 ? [[j, value] as const] : []));
  });
}

function weightedMedianColumns(
  stake: readonly number[],
  weights: readonly SparseRow[],
  n: number,
  kappa: number,
): number[] {
  const voters = stake.flatMap((s, i) => (s > 0 ? [i] : []));
  const voterStake = normalize(voters.map((i) => stake[i] ?? 0));
  const minority = voterStake.reduce((sum, s) => sum + s, 0) - kappa;
  const columns: number[][] = Array.from({ length: n }, () => new Array<number>(voters.length).fill(0));
  voters.forEach((i, k) => {
    for (const [j, value] of weights[i] ?? []) {
      const column = columns[j];
      if (column) {
        column[k] = value;
      }
    }
  });
  return columns.map((scores) => weightedMedian(voterStake, scores, minority));
}

/** The smallest score whose cumulative stake (scores sorted ascending) exceeds `minority`. */
function weightedMedian(stake: readonly number[], scores: readonly number[], minority: number): number {
  if (scores.length === 0) {
    return 0;
  }
  const order = scores.map((score, k) => ({ score, stake: stake[k] ?? 0 })).sort((a, b) => a.score - b.score);
  let cumulative = 0;
  for (let index = 0; index < order.length; index += 1) {
    const entry = order[index];
    if (!entry) {
      break;
    }
    cumulative += entry.stake;
    const next = order[index + 1];
    if ((next === undefined || next.score !== entry.score) && cumulative > minority) {
      return entry.score;
    }
  }
  return order[order.length - 1]?.score ?? 0;
}
