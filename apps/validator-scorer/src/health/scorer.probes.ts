import { Injectable } from '@nestjs/common';
import type { OpsProbes, ProbeResult } from '@taonode/observability';
import { RoundSchedulerService } from '../schedule/round-scheduler.service';

/**
 * `/ready`: the hotkey is loaded and chain-sync has sent a metagraph. `/health`: the process runs its loop (a
 * stalled chain is chain-sync's health, not ours; a round that fails is counted, and the next one is tried).
 */
@Injectable()
export class ScorerProbes implements OpsProbes {
  constructor(private readonly scheduler: RoundSchedulerService) {}

  health(): ProbeResult {
    return { ok: true, details: { lastRoundBlock: this.scheduler.lastCompletedRound } };
  }

  readiness(): ProbeResult {
    return { ok: this.scheduler.isReady, details: { lastRoundBlock: this.scheduler.lastCompletedRound } };
  }
}
