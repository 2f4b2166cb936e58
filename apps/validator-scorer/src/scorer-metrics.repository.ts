import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@taonode/observability';
import { createScorerMetrics, type ScorerMetrics } from './metrics';
import type { RoundReport } from './round/round-runner.service';

/** The only place validator-scorer touches prom-client. */
@Injectable()
export class ScorerMetricsRepository {
  private readonly metrics: ScorerMetrics;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createScorerMetrics(registry);
  }

  roundCompleted(report: RoundReport, seconds: number): void {
    this.metrics.rounds.inc({ outcome: 'completed' });
    this.metrics.roundDuration.observe(seconds);
    this.metrics.lastRoundBlock.set(report.block);
    this.metrics.minersQueried.set(report.miners);
    for (const [challenge, statuses] of report.statuses) {
      for (const [status, count] of statuses) {
        this.metrics.responses.inc({ challenge, status }, count);
      }
    }
    for (const challenge of report.missingReferences) {
      this.metrics.missingReferences.inc({ challenge });
    }
    // One series per uid that has a score now: a uid that left the subnet stops being exported.
    this.metrics.score.reset();
    for (const [uid, score] of report.scores) {
      this.metrics.score.set({ uid: String(uid) }, score);
    }
  }

  roundFailed(): void {
    this.metrics.rounds.inc({ outcome: 'failed' });
  }
}
