import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { SynapseBatchJobData, SynapseJobData } from './inference-job';
import { INFERENCE_JOB_DEFAULTS } from './job-options';
import { InferenceJobName, QUEUE_PREFIX, QueueName } from './queue-names';

/** Options of one enqueue. */
export interface EnqueueSynapseJobOptions {
  /** BullMQ priority (1 = first), e.g. from `priorityForStake`. */
  readonly priority: number;
  /** Job id; the caller picks it when it must wait for the reply before the job exists (the reply bus does). */
  readonly jobId?: string;
}

/**
 * The typed producer of queue `inference`: the only way jobs are added, so every job gets the same defaults,
 * prefix and payload type. Owns no connection: give it a producer connection (`createProducerConnection`).
 */
export class SynapseJobProducer {
  readonly queue: Queue;

  constructor(connection: Redis, prefix: string = QUEUE_PREFIX) {
    this.queue = new Queue(QueueName.Inference, {
      connection,
      prefix,
      defaultJobOptions: INFERENCE_JOB_DEFAULTS,
      // Fail fast while Redis is down (the request answers 503) instead of waiting for the connection.
      skipWaitingForReady: true,
      // Nobody reads the events stream on the reply path (the reply bus carries answers): keep it short.
      streams: { events: { maxLen: 100 } },
    });
  }

  /** Adds one synapse job; resolves with its id once Redis has it. Rejects while Redis is unreachable. */
  async enqueueSynapseJob(data: SynapseJobData, options: EnqueueSynapseJobOptions): Promise<string> {
    const jobId = options.jobId ?? randomUUID();
    await this.queue.add(InferenceJobName.Synapse, data, { jobId, priority: options.priority });
    return jobId;
  }

  /** Adds one `synapse-batch` job (its items' reply ids route their answers); resolves once Redis has it. */
  async enqueueSynapseBatchJob(data: SynapseBatchJobData, options: EnqueueSynapseJobOptions): Promise<string> {
    const jobId = options.jobId ?? randomUUID();
    await this.queue.add(InferenceJobName.SynapseBatch, data, { jobId, priority: options.priority });
    return jobId;
  }

  /** Jobs waiting to run (plain and prioritised), for the queue-depth gauge. */
  async waitingCount(): Promise<number> {
    const counts = await this.queue.getJobCounts('waiting', 'prioritized');
    return (counts.waiting ?? 0) + (counts.prioritized ?? 0);
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
