import type { FieldShape, SynapseDefinition, SynapseValues } from '@taonode/protocol';

/** What a task knows about the round it builds challenges for. */
export interface RoundInfo {
  readonly netuid: number;
  /** Finalized block the round started at. */
  readonly block: number;
  /** Seed of this round's challenges: reproducible from the block, so a restarted scorer asks the same questions. */
  readonly seed: bigint;
}

/** One question sent to every selected miner in a round. */
export interface Challenge<S extends FieldShape = FieldShape> {
  /** Stable label for metrics and logs (`dummy`, `text-generation`). */
  readonly label: string;
  readonly synapse: SynapseDefinition<S>;
  /** The synapse as sent: its input fields set, outputs left at their defaults. */
  readonly request: SynapseValues<S>;
  /** The miner's budget in seconds (the synapse timeout). */
  readonly timeoutSeconds: number;
  /** Share of the round's score this challenge carries; a task's shares add up to 1. */
  readonly share: number;
}

/** One miner's answer to a challenge, as the scorer judges it. */
export interface MinerAnswer<S extends FieldShape = FieldShape> {
  /** True when the dendrite recorded a 200 with a parsable synapse. */
  readonly isSuccess: boolean;
  /** The synapse the miner returned (outputs filled when it answered). */
  readonly synapse: SynapseValues<S>;
  /** Seconds from the request being written to the end of the answer; null if it never left. */
  readonly processTimeSeconds: number | null;
}

/**
 * A subnet's incentive mechanism in one place: the questions of a round and how answers are rewarded. A subnet
 * developer writes one file implementing this (see `builtin.task.ts`) and names it in `SCORER_TASK`.
 */
export interface ScoringTask {
  readonly name: string;
  /** The round's challenges. Deterministic in `round.seed`. */
  challenges(round: RoundInfo): Challenge[];
  /**
   * The reward of one answer in [0, 1], given the reference answer the validator's own workers produced for the
   * same challenge (`reference` is null when the workers could not answer: the task decides what that means).
   */
  reward(challenge: Challenge, reference: SynapseValues<FieldShape> | null, answer: MinerAnswer): number;
}
