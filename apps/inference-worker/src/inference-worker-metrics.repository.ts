import { Inject, Injectable } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { GenerationObserver } from '@taonode/inference';
import { METRICS_REGISTRY } from '@taonode/observability';
import { createInferenceWorkerMetrics, type InferenceWorkerMetrics, type JobOutcome } from './metrics';

/** The only place inference-worker touches prom-client: domain-named recording methods over the catalogue. */
@Injectable()
export class InferenceWorkerMetricsRepository implements GenerationObserver {
  private readonly metrics: InferenceWorkerMetrics;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.metrics = createInferenceWorkerMetrics(registry);
  }

  jobFinished(synapse: string, outcome: JobOutcome, seconds: number): void {
    this.metrics.jobs.inc({ synapse, outcome });
    if (outcome === 'done') {
      this.metrics.jobDuration.observe({ synapse }, seconds);
    }
  }

  jobTaken(requests: number): void {
    this.metrics.requestsPerJob.observe(requests);
  }

  forwardPass(batchSize: number, seconds: number): void {
    this.metrics.batchSize.observe(batchSize);
    this.metrics.inferenceDuration.observe(seconds);
  }

  tokensGenerated(count: number): void {
    this.metrics.tokens.inc(count);
  }
}
