import type { Challenge } from '../task/scoring-task';

/** One miner's rewards for each challenge of a round, in challenge order. */
export interface MinerRewards {
  readonly uid: number;
  readonly hotkey: string;
  readonly rewards: readonly number[];
}

/**
 * Combines per-challenge rewards into the round reward of each miner: Σ share × reward, clamped to [0, 1] (a task
 * whose shares exceed 1 must not push scores out of range), NaN treated as 0 (never stored, never submitted).
 */
export function roundRewards(
  challenges: readonly Challenge[],
  miners: readonly MinerRewards[],
): { uid: number; hotkey: string; reward: number }[] {
  return miners.map(({ uid, hotkey, rewards }) => {
    let total = 0;
    challenges.forEach((challenge, index) => {
      const reward = rewards[index] ?? 0;
      total += Number.isFinite(reward) ? challenge.share * reward : 0;
    });
    return { uid, hotkey, reward: Math.min(1, Math.max(0, total)) };
  });
}
