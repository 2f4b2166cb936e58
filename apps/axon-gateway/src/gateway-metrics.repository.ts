import { Inject, Injectable } from '@nestjs/common';
import type { Counter, Histogram, Registry } from 'prom-client';
import { METRICS_REGISTRY } from '@taonode/observability';
import type { ClaimStanding } from './limits/admission';
import type { ConnectionRefusal } from './limits/connection-guard';
import { type BlacklistReason, createGatewayMetrics, type GatewayMetrics, type RequestStage } from './metrics';

/** The only place axon-gateway touches prom-client: domain-named recording methods over the catalogue. */
@Injectable()
export class GatewayMetricsRepository {
  private readonly metrics: GatewayMetrics;
  /**
   * Labelled children, looked up once per label set: prom-client hashes the label object on every call otherwise,
   * and the gateway records five of them per request. Label values are bounded (see metrics.ts).
   */
  private readonly answeredBy = new Map<string, Counter.Internal>();
  private readonly stages = new Map<RequestStage, Histogram.Internal<'stage'>>();

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createGatewayMetrics(registry);
  }

  answered(synapse: string, status: number): void {
    const key = `${synapse} ${status}`;
    let counter = this.answeredBy.get(key);
    if (counter === undefined) {
      counter = this.metrics.requests.labels({ synapse, status: String(status) });
      this.answeredBy.set(key, counter);
    }
    counter.inc();
  }

  stage(stage: RequestStage, seconds: number): void {
    let histogram = this.stages.get(stage);
    if (histogram === undefined) {
      histogram = this.metrics.stageDuration.labels({ stage });
      this.stages.set(stage, histogram);
    }
    histogram.observe(seconds);
  }

  blacklisted(reason: BlacklistReason): void {
    this.metrics.blacklisted.inc({ reason });
  }

  rateLimited(): void {
    this.metrics.rateLimited.inc();
  }

  shed(standing: ClaimStanding): void {
    this.metrics.shed.inc({ standing });
  }

  connectionRefused(reason: ConnectionRefusal): void {
    this.metrics.connectionsRefused.inc({ reason });
  }

  connectionEvicted(): void {
    this.metrics.connectionsEvicted.inc();
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
