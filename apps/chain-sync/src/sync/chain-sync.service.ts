import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { FinalizedHead, MetagraphReader } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { toSyncFailure } from '../chain-failure';
import { ChainSyncMetricsRepository } from '../chain-sync-metrics.repository';
import { ChainSyncError } from '../chain-sync.error';
import type { ChainSyncConfig } from '../config';
import { CLOCK, type Clock } from '../ports/clock.port';
import {
  type ChainConnectionEvent,
  FINALIZED_HEAD_SOURCE,
  type FinalizedHeadSource,
} from '../ports/finalized-head-source.port';
import { METAGRAPH_READER } from '../ports/metagraph-reader.port';
import type { MetagraphSnapshot } from '../snapshot/metagraph-snapshot';
import { MetagraphSnapshotRepository } from '../snapshot/metagraph-snapshot.repository';
import { HeadTrackerService } from './head-tracker.service';
import { SnapshotHubService } from './snapshot-hub.service';

/**
 * Follows finalized heads and, for each, reads every configured subnet's metagraph at that block hash, publishes it
 * to the hub (gRPC answers, watchers) and writes it to Redis. One sync runs at a time; heads that arrive meanwhile
 * collapse into the newest, so a slow read makes chain-sync skip blocks rather than fall ever further behind.
 */
@Injectable()
export class ChainSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ChainSyncService.name);
  private readonly netuids: readonly number[];
  private readonly written = new Set<number>();
  private readonly stopListening: (() => void)[] = [];
  private pendingHead: FinalizedHead | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) config: ChainSyncConfig,
    @Inject(FINALIZED_HEAD_SOURCE) private readonly heads: FinalizedHeadSource,
    @Inject(METAGRAPH_READER) private readonly reader: MetagraphReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tracker: HeadTrackerService,
    private readonly hub: SnapshotHubService,
    private readonly snapshots: MetagraphSnapshotRepository,
    private readonly metrics: ChainSyncMetricsRepository,
  ) {
    this.netuids = config.sync.netuids;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.tracker.start();
    await Promise.all(this.netuids.map((netuid) => this.restore(netuid)));
    this.stopListening.push(
      this.heads.onConnection((event) => this.onConnection(event)),
      this.heads.onFinalizedHead((head) => this.onHead(head)),
    );
    await this.heads.start();
    this.logger.log({ netuids: this.netuids }, 'following finalized heads');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const stop of this.stopListening.splice(0)) {
      stop();
    }
    this.pendingHead = undefined;
    await this.running;
    await this.heads.stop();
  }

  /** True once every configured subnet has a snapshot written to Redis by this process. */
  get isReady(): boolean {
    return this.netuids.every((netuid) => this.written.has(netuid));
  }

  get syncedNetuids(): readonly number[] {
    return this.netuids;
  }

  /** Resolves when the sync of every head received so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running !== undefined) {
      await this.running;
    }
  }

  private onConnection(event: ChainConnectionEvent): void {
    switch (event.type) {
      case 'connected':
        this.tracker.setConnected(true);
        if (event.reconnect) {
          this.metrics.reconnected();
          this.logger.log('chain connection restored');
        }
        return;
      case 'disconnected':
        this.tracker.setConnected(false);
        this.logger.warn('chain connection lost; serving the last snapshots as stale');
        return;
    }
  }

  private onHead(head: FinalizedHead): void {
    if (!this.tracker.recordHead(head)) {
      return;
    }
    this.metrics.finalizedHead(head.number);
    for (const netuid of this.netuids) {
      this.recordLag(netuid);
    }
    this.pendingHead = head;
    this.running ??= this.drain().finally(() => {
      this.running = undefined;
    });
  }

  private async drain(): Promise<void> {
    for (let head = this.pendingHead; head !== undefined; head = this.pendingHead) {
      this.pendingHead = undefined;
      await Promise.all(this.netuids.map((netuid) => this.syncSubnet(netuid, head)));
    }
  }

  private async syncSubnet(netuid: number, head: FinalizedHead): Promise<void> {
    const startedMs = this.clock.now();
    let snapshot: MetagraphSnapshot;
    try {
      const metagraph = await this.reader.read(netuid, head.hash);
      snapshot = { metagraph, syncedAtMs: this.clock.now() };
    } catch (error) {
      this.fail(toSyncFailure(error, `read metagraph of netuid ${netuid} at block ${head.number}`), netuid);
      return;
    }
    this.metrics.synced(netuid, (snapshot.syncedAtMs - startedMs) / 1000, snapshot.metagraph.neurons.length);
    const changed = this.hub.publish(snapshot);
    this.recordLag(netuid);
    try {
      await this.snapshots.save(snapshot);
      this.written.add(netuid);
    } catch (error) {
      const failure = new ChainSyncError(
        'TAONODE_CHAIN_SYNC_REDIS_UNAVAILABLE',
        `write snapshot of netuid ${netuid} at block ${head.number}`,
        { cause: error },
      );
      this.fail(failure, netuid);
      return;
    }
    this.logger.debug({ netuid, block: head.number, changed }, 'metagraph snapshot published');
  }

  /** Loads the snapshot a previous run left in Redis, so reads have an (as yet stale) answer before the chain does. */
  private async restore(netuid: number): Promise<void> {
    try {
      const snapshot = await this.snapshots.load(netuid);
      if (snapshot !== undefined) {
        this.hub.publish(snapshot);
        this.logger.log({ netuid, block: snapshot.metagraph.block }, 'restored snapshot from redis');
      }
    } catch (error) {
      const failure =
        error instanceof ChainSyncError
          ? error
          : new ChainSyncError('TAONODE_CHAIN_SYNC_REDIS_UNAVAILABLE', `restore snapshot of netuid ${netuid}`, {
              cause: error,
            });
      this.fail(failure, netuid);
    }
  }

  private recordLag(netuid: number): void {
    const head = this.tracker.latestHead;
    const latest = this.hub.latest(netuid);
    if (head !== undefined && latest !== undefined) {
      this.metrics.headLag(netuid, Math.max(0, head.number - latest.metagraph.block));
    }
  }

  private fail(failure: { code: string; message: string; cause?: unknown }, netuid: number): void {
    this.metrics.failed(failure.code);
    this.logger.warn({ netuid, code: failure.code, err: failure.cause ?? failure }, failure.message);
  }
}
