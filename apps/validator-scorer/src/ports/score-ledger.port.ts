/** One miner's round reward, applied to its moving average. */
export interface RoundReward {
  readonly uid: number;
  readonly hotkey: string;
  readonly reward: number;
}

/** The per-uid moving averages (Redis, shared with the weight-setter). */
export interface ScoreLedger {
  /** Applies a round atomically; a uid whose hotkey changed restarts from zero. Returns the new averages. */
  applyRound(netuid: number, rewards: readonly RoundReward[]): Promise<ReadonlyMap<number, number>>;
}

export const SCORE_LEDGER = Symbol('ScoreLedger');
