import type { U16Weights } from '../subtensor/subtensor-calls';
import { convertWeightsAndUidsForEmit, InvalidWeightsError } from '../weights/convert-weights';
import { processWeightsForNetuid, U16_MAX } from '../weights/process-weights';

/** The subnet limits `process_weights_for_netuid` needs. */
export interface WeightsLimits {
  /** `SubnetworkN` (`metagraph.n`). */
  readonly numNeurons: number;
  /** `MinAllowedWeights`. */
  readonly minAllowedWeights: number;
  /** `MaxWeightsLimit` as the chain stores it (u16; 65535 = no limit). */
  readonly maxWeightsLimit: number;
}

/** Scores per uid as a validator keeps them. */
export interface ScoreVector {
  readonly uids: readonly number[];
  readonly scores: readonly number[];
}

/** Prepared weights, or why there is nothing that may be submitted. */
export type PreparedWeights =
  { readonly ok: true; readonly weights: U16Weights } | { readonly ok: false; readonly reason: string };

/**
 * Scores → what goes on chain, as the SDK's validators do it: `process_weights_for_netuid` (minimum number of
 * weights, maximum weight limit, quantile exclusion) then the u16 conversion (largest = 65535). Refuses, before
 * any processing, what must never be submitted: NaN or infinite or negative scores, uids out of range or
 * repeated, no scores, or scores that are all zero (the SDK would turn those into uniform weights — a validator
 * that has measured nothing must not vote).
 */
export function prepareWeights(scores: ScoreVector, limits: WeightsLimits, excludeQuantile = 0): PreparedWeights {
  const { uids } = scores;
  if (uids.length !== scores.scores.length) {
    return { ok: false, reason: `uids and scores differ in length: ${uids.length} != ${scores.scores.length}` };
  }
  if (uids.length === 0) {
    return { ok: false, reason: 'no scores' };
  }
  if (scores.scores.some((score) => !Number.isFinite(score) || score < 0)) {
    return { ok: false, reason: 'scores must be finite and non-negative (NaN, Infinity or a negative value found)' };
  }
  if (uids.some((uid) => !Number.isInteger(uid) || uid < 0 || uid >= limits.numNeurons)) {
    return { ok: false, reason: `uids must be integers in [0, ${limits.numNeurons})` };
  }
  if (new Set(uids).size !== uids.length) {
    return { ok: false, reason: 'uids must not repeat' };
  }
  if (scores.scores.every((score) => score === 0)) {
    return { ok: false, reason: 'all scores are zero: nothing to set' };
  }
  const processed = processWeightsForNetuid({
    uids,
    weights: scores.scores,
    numNeurons: limits.numNeurons,
    minAllowedWeights: limits.minAllowedWeights,
    maxWeightLimit: limits.maxWeightsLimit / U16_MAX,
    excludeQuantile,
  });
  let converted: U16Weights;
  try {
    converted = convertWeightsAndUidsForEmit(processed.uids, processed.weights);
  } catch (error) {
    if (error instanceof InvalidWeightsError) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
  if (converted.uids.length === 0) {
    return { ok: false, reason: 'processed weights are all zero: nothing to set' };
  }
  return { ok: true, weights: converted };
}
