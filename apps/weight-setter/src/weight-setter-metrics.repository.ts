import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { WeightsOutcomeKind } from '@taonode/chain';
import { METRICS_REGISTRY } from '@taonode/observability';
import { createWeightSetterMetrics, type WeightSetterMetrics } from './metrics';

/** What an outcome answered. */
export type WeightsAction = 'set' | 'commit' | 'reveal';

/** The only place weight-setter touches prom-client. */
@Injectable()
export class WeightSetterMetricsRepository {
  private readonly metrics: WeightSetterMetrics;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createWeightSetterMetrics(registry);
  }

  attempted(action: WeightsAction, outcome: WeightsOutcomeKind): void {
    this.metrics.submissions.inc({ action, outcome });
  }

  blocksSinceLastSet(blocks: number): void {
    this.metrics.blocksSinceLastSet.set(blocks);
  }

  leadership(isLeader: boolean): void {
    this.metrics.leader.set(isLeader ? 1 : 0);
  }

  pendingReveals(count: number): void {
    this.metrics.pendingReveals.set(count);
  }
}
