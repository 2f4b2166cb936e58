import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ChainClient } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { STATE_REDIS } from '@taonode/service';
import { Wallet } from '@taonode/wallet';
import { ChainWeightsAdapter } from '../chain/chain-weights.adapter';
import type { WeightSetterConfig } from '../config';
import { LeaderLockRepository, leaderLockKey } from '../leader/leader-lock.repository';
import { WeightsLedgerRepository } from '../ledger/weights-ledger.repository';
import { METAGRAPH_SOURCE, type MetagraphSourcePort } from '../ports/metagraph-source.port';
import { ScoreRepository } from '../scores/score.repository';
import { WeightSetterMetricsRepository } from '../weight-setter-metrics.repository';
import { WeightSetterEngine } from './weight-setter.engine';

/**
 * Wires the engine to its adapters at bootstrap (hotkey from the wallet, chain connection, Redis, the metagraph
 * stream) and takes them down at shutdown. The hotkey secret stays inside the signer: it is never logged,
 * never put in Redis, never passed on a command line.
 */
@Injectable()
export class WeightSetterService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WeightSetterService.name);
  private engine: WeightSetterEngine | undefined;
  private lock: LeaderLockRepository | undefined;
  private client: ChainClient | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  private lastBlock: number | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: WeightSetterConfig,
    @Inject(STATE_REDIS) private readonly redis: Redis,
    @Inject(METAGRAPH_SOURCE) private readonly metagraph: MetagraphSourcePort,
    private readonly metrics: WeightSetterMetricsRepository,
  ) {}

  /** The latest block seen and whether we lead (for the probes). */
  status(): { lastBlock: number | null; leader: boolean } {
    return { lastBlock: this.lastBlock, leader: this.engine?.leader ?? false };
  }

  async onApplicationBootstrap(): Promise<void> {
    const { weights, wallet, chain } = this.config;
    const hotkey = await new Wallet({ path: wallet.path, name: wallet.name, hotkey: wallet.hotkey }).getHotkey();
    this.client = await ChainClient.connect({
      network: chain.network,
      chainEndpoint: chain.chainEndpoints.length > 0 ? chain.chainEndpoints : undefined,
      callTimeoutMs: weights.callTimeoutMs,
    });
    const adapter = new ChainWeightsAdapter(this.client, hotkey, {
      attemptTimeoutMs: weights.attemptTimeoutMs,
      inclusionTimeoutMs: weights.inclusionTimeoutMs,
      excludeQuantile: weights.excludeQuantile,
    });
    this.lock = new LeaderLockRepository(this.redis, leaderLockKey(weights.netuid, adapter.hotkey), weights.lockTtlMs);
    this.engine = new WeightSetterEngine(
      { netuid: weights.netuid, dryRun: weights.dryRun, minIntervalBlocks: weights.minIntervalBlocks },
      adapter,
      new WeightsLedgerRepository(this.redis, weights.netuid, adapter.hotkey),
      new ScoreRepository(this.redis),
      this.lock,
      this.metrics,
      {
        log: (message, context) => this.logger.log({ ...context }, message),
        warn: (message, context) => this.logger.warn({ ...context }, message),
      },
    );
    this.renewTimer = setInterval(() => void this.renewLock(), Math.floor(weights.lockTtlMs / 3));
    this.metagraph.watch(weights.netuid, (update) => {
      this.lastBlock = update.block;
      this.engine?.onMetagraph(update);
    });
    this.logger.log(
      { netuid: weights.netuid, hotkey: adapter.hotkey, dryRun: weights.dryRun },
      'weight-setter following the metagraph',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.renewTimer);
    this.metagraph.stop();
    await this.engine?.idle();
    if (this.engine?.leader === true) {
      await this.lock?.release().catch((error: unknown) => this.logger.warn({ err: error }, 'lock release failed'));
    }
    await this.client?.disconnect();
  }

  private async renewLock(): Promise<void> {
    if (this.engine?.leader !== true || this.lock === undefined) {
      return;
    }
    const kept = await this.lock.renew().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'leader lock renewal failed');
      return false;
    });
    if (!kept) {
      this.logger.warn('leader lock lost; stepping down until it can be taken again');
      this.engine.stepDown();
    }
  }
}
