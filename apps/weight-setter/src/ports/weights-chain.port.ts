import type {
  PendingReveal,
  TimelockedCommitRecord,
  TimelockedCommitStatus,
  ScoreVector,
  WeightsActivity,
  WeightsAttempt,
  WeightsOutcome,
  WeightsStrategyHooks,
} from '@taonode/chain';

/** The chain as the weight-setter uses it: one attempt, one reveal, and what the chain shows of our activity. */
export interface WeightsChainPort {
  /** Our hotkey (SS58). */
  readonly hotkey: string;
  submit(
    netuid: number,
    scores: ScoreVector,
    options: { readonly dryRun: boolean; readonly hooks: WeightsStrategyHooks },
  ): Promise<WeightsAttempt>;
  reveal(reveal: PendingReveal): Promise<WeightsOutcome>;
  activity(netuid: number, uid: number): Promise<WeightsActivity>;
  /** Where a timelocked commit of ours stands: still queued, revealed (our weights on chain), or vanished. */
  timelockedStatus(record: TimelockedCommitRecord): Promise<TimelockedCommitStatus>;
}

export const WEIGHTS_CHAIN = Symbol('WEIGHTS_CHAIN');
