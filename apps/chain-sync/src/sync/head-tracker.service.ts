import { Inject, Injectable } from '@nestjs/common';
import type { FinalizedHead } from '@taonode/chain';
import { APP_CONFIG } from '@taonode/config';
import type { ChainSyncConfig, SyncConfig } from '../config';
import { CLOCK, type Clock } from '../ports/clock.port';

export interface HeadStatus {
  /** Latest finalized head seen, undefined before the first. */
  readonly head: FinalizedHead | undefined;
  readonly connected: boolean;
  /** Milliseconds since the finalized head last moved (since startup before the first head). */
  readonly headAgeMs: number;
  /** The head has not moved within the health window (CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS × block time). */
  readonly stalled: boolean;
}

/**
 * Remembers the finalized head and the connection state, and decides what counts as fresh: the chain is healthy
 * while its finalized head keeps moving within the window, and a snapshot is stale when the chain is unreachable
 * or stalled, or the snapshot trails the head by more than the window's blocks.
 */
@Injectable()
export class HeadTrackerService {
  private readonly sync: SyncConfig;
  private head: FinalizedHead | undefined;
  private connected = false;
  private movedAtMs: number | undefined;

  constructor(
    @Inject(APP_CONFIG) config: ChainSyncConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.sync = config.sync;
  }

  /** Starts the health window: before any head arrives, the service gets one window to see one. */
  start(): void {
    this.movedAtMs = this.clock.now();
  }

  /**
   * Records a finalized head; returns false (and changes nothing) for the head already known. A lower number is
   * accepted: the source only goes backwards when the chain itself was replaced (a restarted devnet).
   */
  recordHead(head: FinalizedHead): boolean {
    if (this.head !== undefined && head.hash === this.head.hash) {
      return false;
    }
    this.head = head;
    this.movedAtMs = this.clock.now();
    return true;
  }

  setConnected(connected: boolean): void {
    this.connected = connected;
  }

  get latestHead(): FinalizedHead | undefined {
    return this.head;
  }

  status(): HeadStatus {
    const now = this.clock.now();
    const headAgeMs = Math.max(0, now - (this.movedAtMs ?? now));
    return {
      head: this.head,
      connected: this.connected,
      headAgeMs,
      stalled: headAgeMs > this.windowMs,
    };
  }

  /** Whether data read at `block` can no longer be vouched for as current. */
  isStale(block: number): boolean {
    const status = this.status();
    const behind = status.head === undefined ? 0 : status.head.number - block;
    return !status.connected || status.stalled || behind > this.sync.healthMaxLagBlocks;
  }

  private get windowMs(): number {
    return this.sync.healthMaxLagBlocks * this.sync.blockTimeMs;
  }
}
