import type { JobsOptions } from 'bullmq';

/**
 * Job defaults set once for queue `inference` (style.md §5). Few attempts: a synapse answer is worth something
 * only before its deadline, and the worker drops jobs past it. A completed job is deleted at once: its result
 * travelled on the reply bus, and keeping a bounded history cost Redis four more commands per job inside the
 * completion script (add to the completed set, store the result, find and trim the oldest). Failed jobs
 * are kept in bounded numbers for inspection.
 */
export const INFERENCE_JOB_DEFAULTS: Readonly<JobsOptions> = {
  attempts: 2,
  backoff: { type: 'exponential', delay: 50 },
  removeOnComplete: true,
  removeOnFail: { count: 5000 },
};

/** BullMQ's priority range: 1 is served first; 0 means "no priority" (FIFO ahead of every prioritised job). */
export const MAX_JOB_PRIORITY = 2_097_152;

/** Number of priority levels stake maps onto: one per power of two of rao, up to u64. */
const STAKE_LEVELS = 64;

/**
 * BullMQ priority for a caller's stake in rao: more stake → smaller number → served earlier. Stake is bucketed by
 * its power of two (64 levels), so callers of similar stake share a level and stay FIFO among themselves.
 */
export function priorityForStake(stakeRao: bigint): number {
  const level = stakeRao <= 0n ? 0 : Math.min(STAKE_LEVELS, stakeRao.toString(2).length);
  return 1 + (STAKE_LEVELS - level);
}
