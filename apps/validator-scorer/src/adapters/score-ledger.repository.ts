import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@taonode/config';
import { ScoreStore } from '@taonode/queue';
import type { ScorerConfig } from '../config';
import type { RoundReward, ScoreLedger } from '../ports/score-ledger.port';
import { ScorerRedisConnections } from './scorer-redis.connections';

/** The moving averages in Redis (`ScoreStore`, shared with the weight-setter), updated atomically per round. */
@Injectable()
export class ScoreLedgerRepository implements ScoreLedger {
  private readonly store: ScoreStore;

  constructor(
    connections: ScorerRedisConnections,
    @Inject(APP_CONFIG) private readonly config: ScorerConfig,
  ) {
    this.store = new ScoreStore(connections.commands);
  }

  async applyRound(netuid: number, rewards: readonly RoundReward[]): Promise<ReadonlyMap<number, number>> {
    await this.store.applyRewards(netuid, this.config.scorer.movingAverageAlpha, rewards);
    const entries = await this.store.read(netuid);
    return new Map(entries.map((entry) => [entry.uid, entry.score]));
  }
}
