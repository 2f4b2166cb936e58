import type { MinerCandidate } from '../round/miner-selection';
import type { Challenge, MinerAnswer } from '../task/scoring-task';

/** One miner's answer with the status the dendrite recorded (for the responses-by-status metric). */
export interface MinerReply extends MinerAnswer {
  readonly uid: number;
  /** The Python dendrite's status (200, 408, 503, 422, the axon's code), null when a 200 carried none. */
  readonly statusCode: number | null;
}

/** Sends one challenge to every miner at once (the dendrite); never rejects for a miner's failure. */
export interface MinerQuery {
  query(challenge: Challenge, miners: readonly MinerCandidate[]): Promise<MinerReply[]>;
}

export const MINER_QUERY = Symbol('MinerQuery');
