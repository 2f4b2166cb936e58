import { Inject, Injectable } from '@nestjs/common';
import { map, type Observable } from 'rxjs';
import type { Metagraph, MetagraphReader, NeuronInfo, SubnetHyperparameters } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import { toSyncFailure } from '../chain-failure';
import { ChainSyncError } from '../chain-sync.error';
import type { ChainSyncConfig } from '../config';
import { CLOCK, type Clock } from '../ports/clock.port';
import { FINALIZED_HEAD_SOURCE, type FinalizedHeadSource } from '../ports/finalized-head-source.port';
import { METAGRAPH_READER } from '../ports/metagraph-reader.port';
import type { MetagraphSnapshot } from '../snapshot/metagraph-snapshot';
import { HeadTrackerService, type HeadStatus } from '../sync/head-tracker.service';
import { SnapshotHubService } from '../sync/snapshot-hub.service';
import type { Answer } from './freshness';
import { LiveMetagraphReads } from './live-metagraph-reads';

/** Which neuron `GetNeuron` asks for. */
export type NeuronKey = { readonly uid: number } | { readonly hotkey: string };

/**
 * What the MetagraphService methods answer, in domain types. Configured subnets are answered from the latest
 * snapshot (stale, never failing, while the chain is away); any other subnet, and any explicit block, is read from
 * the chain on demand.
 */
@Injectable()
export class MetagraphQueryService {
  private readonly synced: ReadonlySet<number>;
  private readonly liveReads: LiveMetagraphReads;

  constructor(
    @Inject(APP_CONFIG) config: ChainSyncConfig,
    @Inject(FINALIZED_HEAD_SOURCE) private readonly heads: FinalizedHeadSource,
    @Inject(METAGRAPH_READER) private readonly reader: MetagraphReader,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly tracker: HeadTrackerService,
    private readonly hub: SnapshotHubService,
  ) {
    this.synced = new Set(config.sync.netuids);
    this.liveReads = new LiveMetagraphReads(config.sync.liveReads, (netuid, blockHash) =>
      this.reader.read(netuid, blockHash),
    );
  }

  async latestMetagraph(netuid: number): Promise<Answer<Metagraph>> {
    if (this.synced.has(netuid)) {
      return this.fromSnapshot(this.requireSnapshot(netuid));
    }
    const head = this.tracker.latestHead;
    if (head === undefined) {
      throw new ChainSyncError('TAONODE_CHAIN_SYNC_NOT_READY', 'no finalized head seen yet');
    }
    return this.readLive(netuid, head.hash, 'latest');
  }

  async metagraphAt(netuid: number, block: number): Promise<Answer<Metagraph>> {
    const latest = this.hub.latest(netuid);
    if (latest?.metagraph.block === block) {
      return this.fromSnapshot(latest);
    }
    const head = this.tracker.latestHead;
    if (head === undefined || block > head.number) {
      throw new ChainSyncError(
        'TAONODE_CHAIN_SYNC_BLOCK_NOT_FINALIZED',
        `block ${block} is not finalized (latest finalized: ${head?.number ?? 'none yet'})`,
      );
    }
    let hash: `0x${string}`;
    try {
      hash = await this.heads.blockHashAt(block);
    } catch (error) {
      throw toSyncFailure(error, `hash of block ${block}`);
    }
    return this.readLive(netuid, hash, 'historical');
  }

  async neuron(netuid: number, key: NeuronKey): Promise<Answer<NeuronInfo>> {
    const { value: metagraph, freshness } = await this.latestMetagraph(netuid);
    const neuron =
      'uid' in key
        ? metagraph.neurons.find((candidate) => candidate.uid === key.uid)
        : metagraph.neurons.find((candidate) => candidate.hotkey === key.hotkey);
    if (neuron === undefined) {
      const which = 'uid' in key ? `uid ${key.uid}` : `hotkey ${key.hotkey}`;
      throw new ChainSyncError(
        'TAONODE_CHAIN_SYNC_NEURON_NOT_FOUND',
        `no neuron with ${which} on netuid ${netuid} at block ${metagraph.block}`,
      );
    }
    return { value: neuron, freshness };
  }

  async hyperparameters(netuid: number): Promise<Answer<SubnetHyperparameters>> {
    const { value, freshness } = await this.latestMetagraph(netuid);
    return { value: value.hyperparameters, freshness };
  }

  head(): HeadStatus {
    return this.tracker.status();
  }

  /** The latest snapshot, then each changed one, each with its freshness at the moment it is sent. */
  watch(netuid: number): Observable<Answer<Metagraph>> {
    if (!this.synced.has(netuid)) {
      throw new ChainSyncError(
        'TAONODE_CHAIN_SYNC_SUBNET_NOT_SYNCED',
        `netuid ${netuid} is not followed by this chain-sync (NETUIDS=${[...this.synced].join(',')})`,
      );
    }
    return this.hub.watch(netuid).pipe(map((snapshot) => this.fromSnapshot(snapshot)));
  }

  private requireSnapshot(netuid: number): MetagraphSnapshot {
    const snapshot = this.hub.latest(netuid);
    if (snapshot === undefined) {
      throw new ChainSyncError('TAONODE_CHAIN_SYNC_NOT_READY', `no snapshot of netuid ${netuid} yet`);
    }
    return snapshot;
  }

  private fromSnapshot(snapshot: MetagraphSnapshot): Answer<Metagraph> {
    const { metagraph } = snapshot;
    return {
      value: metagraph,
      freshness: {
        block: metagraph.block,
        blockHash: metagraph.blockHash,
        stale: this.tracker.isStale(metagraph.block),
        ageSeconds: Math.max(0, this.clock.now() - snapshot.syncedAtMs) / 1000,
        finalizedBlock: this.tracker.latestHead?.number ?? 0,
      },
    };
  }

  /**
   * Reads from the chain now. A read at an explicit block is exact by definition (never stale); a read standing in
   * for "latest" is judged like a snapshot.
   */
  private async readLive(
    netuid: number,
    blockHash: `0x${string}`,
    asked: 'latest' | 'historical',
  ): Promise<Answer<Metagraph>> {
    let metagraph: Metagraph;
    try {
      metagraph = await this.liveReads.get(netuid, blockHash);
    } catch (error) {
      throw toSyncFailure(error, `read metagraph of netuid ${netuid} at ${blockHash}`);
    }
    const answer = this.fromSnapshot({ metagraph, syncedAtMs: this.clock.now() });
    return asked === 'latest' ? answer : { ...answer, freshness: { ...answer.freshness, stale: false } };
  }
}
