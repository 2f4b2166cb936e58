import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { STATE_REDIS } from '@taonode/service';
import { ChainSyncError } from '../chain-sync.error';
import type { MetagraphSnapshot } from './metagraph-snapshot';
import { decodeSnapshot, encodeSnapshot } from './metagraph-snapshot.codec';

/** Key of a subnet's snapshot; other services may read it directly (JSON, see `metagraph-snapshot.codec.ts`). */
export function snapshotKey(netuid: number): string {
  return `taonode:chain-sync:metagraph:${netuid}`;
}

/** Latest metagraph snapshot per subnet in Redis: one key per subnet, overwritten each block. */
@Injectable()
export class MetagraphSnapshotRepository {
  constructor(@Inject(STATE_REDIS) private readonly redis: Redis) {}

  async save(snapshot: MetagraphSnapshot): Promise<void> {
    await this.redis.set(snapshotKey(snapshot.metagraph.netuid), encodeSnapshot(snapshot));
  }

  /**
   * The stored snapshot, or undefined when none is stored. A value that does not decode (another format version,
   * a foreign writer) fails with `TAONODE_CHAIN_SYNC_SNAPSHOT_CORRUPT`; Redis failures propagate as they are.
   */
  async load(netuid: number): Promise<MetagraphSnapshot | undefined> {
    const json = await this.redis.get(snapshotKey(netuid));
    if (json === null) {
      return undefined;
    }
    try {
      return decodeSnapshot(json);
    } catch (error) {
      throw new ChainSyncError(
        'TAONODE_CHAIN_SYNC_SNAPSHOT_CORRUPT',
        `stored snapshot of netuid ${netuid} is unreadable`,
        {
          cause: error,
        },
      );
    }
  }
}
