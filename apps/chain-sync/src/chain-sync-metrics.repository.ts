import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@taonode/observability';
import { type ChainSyncMetrics, createChainSyncMetrics } from './metrics';

/** The only place chain-sync touches prom-client: domain-named recording methods over the catalogue. */
@Injectable()
export class ChainSyncMetricsRepository {
  private readonly metrics: ChainSyncMetrics;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createChainSyncMetrics(registry);
  }

  finalizedHead(blockNumber: number): void {
    this.metrics.finalizedBlock.set(blockNumber);
  }

  synced(netuid: number, seconds: number, neurons: number): void {
    const labels = { netuid: String(netuid) };
    this.metrics.syncDuration.observe(labels, seconds);
    this.metrics.neurons.set(labels, neurons);
  }

  headLag(netuid: number, blocks: number): void {
    this.metrics.headLag.set({ netuid: String(netuid) }, blocks);
  }

  reconnected(): void {
    this.metrics.reconnects.inc();
  }

  failed(code: string): void {
    this.metrics.errors.inc({ code });
  }
}
