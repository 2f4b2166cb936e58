import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  INFERENCE_JOB_DEFAULTS,
  InferenceJobName,
  QUEUE_PREFIX,
  QueueName,
  type ReplyMessage,
  type SynapseJobData,
} from '@taonode/queue';

/** The producer's side as the gateway runs it, reduced to what the worker specs need: enqueue, collect replies. */
export class ProducerHarness {
  readonly channel = `taonode:reply:${randomUUID()}`;
  private readonly subscriber: Redis;
  private readonly queue: Queue<SynapseJobData>;
  private readonly queueConnection: Redis;
  private readonly replies = new Map<string, ReplyMessage[]>();
  private readonly waiters = new Map<string, () => void>();

  constructor(redisUrl: string) {
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue<SynapseJobData>(QueueName.Inference, {
      connection: (this.queueConnection = new Redis(redisUrl, { maxRetriesPerRequest: null })),
      prefix: QUEUE_PREFIX,
    });
    this.subscriber.on('message', (_channel: string, text: string) => {
      const message = JSON.parse(text) as ReplyMessage;
      const list = this.replies.get(message.jobId) ?? [];
      list.push(message);
      this.replies.set(message.jobId, list);
      if (message.kind !== 'chunk') {
        this.waiters.get(message.jobId)?.();
      }
    });
  }

  async open(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
  }

  get jobs(): Queue<SynapseJobData> {
    return this.queue;
  }

  /** Enqueues a synapse job and resolves with every reply message up to the final one. */
  async ask(
    synapse: string,
    inputsJson: string,
    options: { deadlineMs?: number; stream?: boolean } = {},
  ): Promise<{ jobId: string; replies: ReplyMessage[] }> {
    const jobId = randomUUID();
    const final = new Promise<void>((resolve) => this.waiters.set(jobId, resolve));
    await this.queue.add(
      InferenceJobName.Synapse,
      {
        synapse,
        inputsJson,
        deadlineMs: options.deadlineMs ?? Date.now() + 60_000,
        requestId: jobId,
        replyChannel: this.channel,
        stream: options.stream ?? false,
      },
      // The job options the gateway's producer uses (attempts, backoff, removal once finished).
      { ...INFERENCE_JOB_DEFAULTS, jobId },
    );
    await final;
    return { jobId, replies: this.replies.get(jobId) ?? [] };
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.queueConnection.quit();
    await this.subscriber.quit();
  }
}
