import type { MinerReply, MinerQuery } from '../ports/miner-query.port';
import type { ReferenceAnswers } from '../ports/reference-answers.port';
import type { ScoreLedger } from '../ports/score-ledger.port';
import { roundSeed } from '../task/round-random';
import type { Challenge, ScoringTask } from '../task/scoring-task';
import { selectMiners, servingMiners, type MinerCandidate } from './miner-selection';
import { roundRewards } from './round-scores';

/** What a round needs to know about the subnet at its block. */
export interface RoundInput {
  readonly netuid: number;
  readonly block: number;
  readonly neurons: readonly MinerCandidate[];
}

/** What a round did, for logs and metrics. */
export interface RoundReport {
  readonly block: number;
  readonly miners: number;
  /** Replies per challenge label and status (`200`, `408`, …, `none` when a 200 carried no status). */
  readonly statuses: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Challenges whose reference answer could not be had (their rewards are 0 for everyone this round). */
  readonly missingReferences: readonly string[];
  /** Moving averages after the round, by uid. */
  readonly scores: ReadonlyMap<number, number>;
}

export interface RoundSettings {
  readonly ownHotkey: string;
  readonly sampleSize: number;
}

function countStatuses(replies: readonly MinerReply[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const reply of replies) {
    const key = reply.statusCode === null ? 'none' : String(reply.statusCode);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * One validator round: pick miners with served axons, build the task's challenges, ask our own workers for the
 * reference answers while the dendrite fans the same challenges out to every miner, reward each answer, and fold
 * the round into the moving averages. Holds no state between rounds; scheduling is the caller's.
 */
export class RoundRunner {
  constructor(
    private readonly task: ScoringTask,
    private readonly references: ReferenceAnswers,
    private readonly miners: MinerQuery,
    private readonly ledger: ScoreLedger,
    private readonly settings: RoundSettings,
  ) {}

  async run(input: RoundInput): Promise<RoundReport> {
    const seed = roundSeed(input.netuid, input.block);
    const selected = selectMiners(
      servingMiners(input.neurons, this.settings.ownHotkey),
      this.settings.sampleSize,
      seed,
    );
    const challenges = this.task.challenges({ netuid: input.netuid, block: input.block, seed });
    const outcomes = await Promise.all(challenges.map((challenge) => this.ask(challenge, selected, input.block)));

    const rewards = roundRewards(
      challenges,
      selected.map((miner) => ({
        uid: miner.uid,
        hotkey: miner.hotkey,
        rewards: outcomes.map(({ challenge, reference, replies }) => {
          const reply = replies.find((candidate) => candidate.uid === miner.uid);
          return reply === undefined ? 0 : this.task.reward(challenge, reference, reply);
        }),
      })),
    );
    const scores =
      selected.length === 0 ? new Map<number, number>() : await this.ledger.applyRound(input.netuid, rewards);
    return {
      block: input.block,
      miners: selected.length,
      statuses: new Map(outcomes.map(({ challenge, replies }) => [challenge.label, countStatuses(replies)])),
      missingReferences: outcomes.filter(({ reference }) => reference === null).map(({ challenge }) => challenge.label),
      scores,
    };
  }

  private async ask(challenge: Challenge, miners: readonly MinerCandidate[], block: number) {
    // The reference is computed while the miners work: the round takes as long as its slowest part, not the sum.
    const deadlineMs = Date.now() + challenge.timeoutSeconds * 1000;
    const [reference, replies] = await Promise.all([
      this.references.answer(challenge, deadlineMs, `round-${block}-${challenge.label}`),
      miners.length === 0 ? Promise.resolve([]) : this.miners.query(challenge, miners),
    ]);
    return { challenge, reference, replies };
  }
}
