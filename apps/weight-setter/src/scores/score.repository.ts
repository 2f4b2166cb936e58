import type { Redis } from 'ioredis';
import type { ScoreVector } from '@taonode/chain';
import { ScoreStore } from '@taonode/queue';

/**
 * Reads the scorer's moving averages (libs/queue `ScoreStore`: `taonode:scores:<netuid>`, uid → `<hotkey>
 * <score>`) and keeps only entries the current metagraph agrees with: a uid whose hotkey changed since the score
 * was earned gets nothing (the scorer restarts it from zero on its next round).
 */
export class ScoreRepository {
  private readonly store: ScoreStore;

  constructor(redis: Redis) {
    this.store = new ScoreStore(redis);
  }

  async current(netuid: number, hotkeys: readonly string[]): Promise<ScoreVector> {
    const entries = await this.store.read(netuid);
    const valid = entries.filter((entry) => hotkeys[entry.uid] === entry.hotkey);
    return { uids: valid.map((entry) => entry.uid), scores: valid.map((entry) => entry.score) };
  }
}
