import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@taonode/observability';
import { type BlacklistReason, createGatewayMetrics, type GatewayMetrics, type RequestStage } from './metrics';

/** The only place axon-gateway touches prom-client: domain-named recording methods over the catalogue. */
@Injectable()
export class GatewayMetricsRepository {
  private readonly metrics: GatewayMetrics;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createGatewayMetrics(registry);
  }

  answered(synapse: string, status: number): void {
    this.metrics.requests.inc({ synapse, status: String(status) });
  }

  stage(stage: RequestStage, seconds: number): void {
    this.metrics.stageDuration.observe({ stage }, seconds);
  }

  blacklisted(reason: BlacklistReason): void {
    this.metrics.blacklisted.inc({ reason });
  }

  rateLimited(): void {
    this.metrics.rateLimited.inc();
  }

  shed(): void {
    this.metrics.shed.inc();
  }

  inFlight(count: number): void {
    this.metrics.inFlight.set(count);
  }

  /** Samples the queue depth when Prometheus scrapes (one Redis call per scrape, none per request). */
  sampleQueueDepth(read: () => Promise<number>): void {
    const gauge = this.metrics.queueDepth;
    // prom-client calls `collect` on scrape; `this` is the gauge.
    Object.assign(gauge, {
      collect: async () => {
        gauge.set(await read().catch(() => Number.NaN));
      },
    });
  }
}
