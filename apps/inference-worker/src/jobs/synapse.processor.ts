import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import {
  createWorkerConnection,
  type InferenceJobData,
  type InferenceJobResult,
  InferenceJobName,
  QUEUE_PREFIX,
  QueueName,
  type SynapseBatchJobResult,
  type SynapseJobData,
  type SynapseJobResult,
  type SynapseRequest,
  synapseRequestsOf,
} from '@taonode/queue';
import type { InferenceWorkerConfig } from '../config';
import { TextGenerationEngine } from '../engine/text-generation.engine';
import { InferenceWorkerMetricsRepository } from '../inference-worker-metrics.repository';
import { type JobVerdict, SynapseJobService } from './synapse-job.service';

/**
 * The BullMQ transport of queue `inference`: takes jobs once the backend is ready, dispatches by job name, maps the
 * service's verdict onto BullMQ (UnrecoverableError: no retry). Any number of these processes, on any machine that
 * reaches Redis, share the queue; a dead one's jobs are taken over when their lock lapses.
 */
@Injectable()
export class SynapseProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: Worker<InferenceJobData, InferenceJobResult> | undefined;
  private connection: Redis | undefined;
  private readonly interrupt = new AbortController();

  /** True once the worker takes jobs (the `/ready` probe). */
  get isTakingJobs(): boolean {
    return this.worker?.isRunning() ?? false;
  }

  constructor(
    @Inject(APP_CONFIG) private readonly config: InferenceWorkerConfig,
    private readonly engine: TextGenerationEngine,
    private readonly jobs: SynapseJobService,
    private readonly metrics: InferenceWorkerMetricsRepository,
    private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.engine.ready();
    this.connection = createWorkerConnection({
      url: this.config.redis.url,
      connectionName: 'inference-worker:worker',
      onError: (error) => this.logger.warn({ err: error.message }, 'worker connection error'),
    });
    const worker = new Worker<InferenceJobData, InferenceJobResult>(QueueName.Inference, (job) => this.process(job), {
      connection: this.connection,
      prefix: QUEUE_PREFIX,
      concurrency: this.config.worker.concurrency,
      lockDuration: this.config.worker.lockDurationMs,
      stalledInterval: this.config.worker.stalledIntervalMs,
      maxStalledCount: 1,
    });
    worker.on('error', (error) => this.logger.warn({ err: error.message }, 'worker error'));
    this.worker = worker;
    this.logger.log({ concurrency: this.config.worker.concurrency, backend: this.config.backend.kind }, 'taking jobs');
  }

  /**
   * Stops taking jobs and lets running ones finish; after INFERENCE_SHUTDOWN_GRACE_MS they are interrupted and
   * return to the queue (retried by another worker while attempts remain).
   */
  async onApplicationShutdown(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker !== undefined) {
      const timer = setTimeout(
        () => this.interrupt.abort(new Error('worker shutting down')),
        this.config.worker.shutdownGraceMs,
      );
      try {
        await worker.close();
      } finally {
        clearTimeout(timer);
      }
    }
    await this.connection?.quit();
  }

  private async process(job: Job<InferenceJobData, InferenceJobResult>): Promise<InferenceJobResult> {
    const name = job.name as InferenceJobName;
    const canRetry = job.attemptsMade + 1 < (job.opts.attempts ?? 1);
    switch (name) {
      case InferenceJobName.Synapse: {
        this.metrics.jobTaken(1);
        const data = job.data as SynapseJobData;
        return outputsOf(await this.jobs.run({ jobId: job.id ?? '', data, canRetry, signal: this.interrupt.signal }));
      }
      case InferenceJobName.SynapseBatch:
        return this.processBatch(synapseRequestsOf(name, job.id ?? '', job.data) ?? [], canRetry);
      default:
        throw new UnrecoverableError(`unknown job name '${String(name)}'`);
    }
  }

  /**
   * Runs a batch's requests side by side (text generation batches them into shared forward passes), each answered
   * under its own reply id. When one asks for a retry the whole job is retried: the answers already sent are not
   * waited for any more, so a second answer to them is dropped by the producer.
   */
  private async processBatch(requests: readonly SynapseRequest[], canRetry: boolean): Promise<SynapseBatchJobResult> {
    this.metrics.jobTaken(requests.length);
    const verdicts = await Promise.all(
      requests.map(({ replyId, data }) =>
        this.jobs.run({ jobId: replyId, data, canRetry, signal: this.interrupt.signal }),
      ),
    );
    const retry = verdicts.find((verdict) => verdict.kind === 'retry');
    if (retry !== undefined) {
      throw retry.error;
    }
    return { answered: verdicts.filter((verdict) => verdict.kind === 'done').length };
  }
}

/** A synapse job's verdict as BullMQ's outcome: its result, or a throw (UnrecoverableError: never retried). */
function outputsOf(verdict: JobVerdict): SynapseJobResult {
  switch (verdict.kind) {
    case 'done':
      return { outputsJson: verdict.outputsJson };
    case 'unrecoverable':
      throw new UnrecoverableError(verdict.reason);
    case 'retry':
      throw verdict.error;
  }
}
