import type { Metagraph } from '@taonode/chain';
import { ChainSyncError } from '../chain-sync.error';

/** Bounds of the on-demand reads (any block, or subnets chain-sync does not follow). */
export interface LiveReadLimits {
  /** Metagraphs kept by `netuid` and block hash (a block's metagraph never changes once finalized). */
  readonly cacheSize: number;
  /** Distinct reads running against the chain at once; beyond it callers get RESOURCE_EXHAUSTED. */
  readonly maxConcurrent: number;
}

type Read = (netuid: number, blockHash: `0x${string}`) => Promise<Metagraph>;

/**
 * The on-demand metagraph reads of MetagraphService. Each costs a full metagraph read from the chain (runtime API or
 * storage) at an explicit block, so without bounds a client asking for many blocks at once would hold the chain
 * connection and chain-sync's memory hostage. Finalized blocks never change, so answers are cached by block hash
 * (small LRU); identical concurrent asks share one read; more distinct reads than `maxConcurrent` at once are
 * refused with `TAONODE_CHAIN_SYNC_BUSY` (RESOURCE_EXHAUSTED) instead of queueing.
 */
export class LiveMetagraphReads {
  private readonly cache = new Map<string, Metagraph>();
  private readonly running = new Map<string, Promise<Metagraph>>();

  constructor(
    private readonly limits: LiveReadLimits,
    private readonly read: Read,
  ) {}

  async get(netuid: number, blockHash: `0x${string}`): Promise<Metagraph> {
    const key = `${netuid}:${blockHash}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // Re-insert: Map order is the LRU order.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const shared = this.running.get(key);
    if (shared !== undefined) {
      return shared;
    }
    if (this.running.size >= this.limits.maxConcurrent) {
      throw new ChainSyncError(
        'TAONODE_CHAIN_SYNC_BUSY',
        `${this.running.size} metagraph reads are already running (CHAIN_SYNC_LIVE_READ_CONCURRENCY); retry later`,
      );
    }
    const reading = this.read(netuid, blockHash)
      .then((metagraph) => {
        this.remember(key, metagraph);
        return metagraph;
      })
      .finally(() => this.running.delete(key));
    this.running.set(key, reading);
    return reading;
  }

  private remember(key: string, metagraph: Metagraph): void {
    this.cache.set(key, metagraph);
    while (this.cache.size > this.limits.cacheSize) {
      const oldest = this.cache.keys().next();
      if (oldest.done === true) {
        return;
      }
      this.cache.delete(oldest.value);
    }
  }
}
