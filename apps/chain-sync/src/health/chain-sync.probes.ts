import { Injectable } from '@nestjs/common';
import type { OpsProbes, ProbeResult } from '@taonode/observability';
import { ChainSyncService } from '../sync/chain-sync.service';
import { HeadTrackerService } from '../sync/head-tracker.service';

/**
 * `/health`: the finalized head moved within CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS × CHAIN_SYNC_BLOCK_TIME_MS (a stuck
 * or unreachable chain makes chain-sync unhealthy; it recovers by itself once heads flow again).
 * `/ready`: every configured subnet has a snapshot written to Redis by this process.
 */
@Injectable()
export class ChainSyncProbes implements OpsProbes {
  constructor(
    private readonly tracker: HeadTrackerService,
    private readonly sync: ChainSyncService,
  ) {}

  health(): ProbeResult {
    const status = this.tracker.status();
    return {
      ok: !status.stalled,
      details: {
        finalizedBlock: status.head?.number ?? null,
        headAgeSeconds: status.headAgeMs / 1000,
        connected: status.connected,
      },
    };
  }

  readiness(): ProbeResult {
    return { ok: this.sync.isReady, details: { netuids: this.sync.syncedNetuids } };
  }
}
