import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import {
  INFERENCE_JOB_DEFAULTS,
  InferenceJobName,
  QUEUE_PREFIX,
  QueueName,
  type InferenceJobData,
  type ReplyMessage,
  type SynapseBatchItem,
} from '@taonode/queue';

/** The producer's side as the gateway runs it, reduced to what the worker specs need: enqueue, collect replies. */
export class ProducerHarness {
  readonly channel = `taonode:reply:${randomUUID()}`;
  private readonly subscriber: Redis;
  private readonly queue: Queue<InferenceJobData>;
  private readonly queueConnection: Redis;
  private readonly replies = new Map<string, ReplyMessage[]>();
  private readonly waiters = new Map<string, () => void>();

  constructor(redisUrl: string) {
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.queue = new Queue<InferenceJobData>(QueueName.Inference, {
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

  get jobs(): Queue<InferenceJobData> {
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

  /**
   * Enqueues one synapse-batch job holding `requests` and resolves with each request's replies up to its final one,
   * in the order given.
   */
  async askBatch(
    requests: readonly { synapse: string; inputsJson: string; deadlineMs?: number }[],
  ): Promise<{ replyId: string; replies: ReplyMessage[] }[]> {
    const items: SynapseBatchItem[] = requests.map((request) => ({
      replyId: randomUUID(),
      synapse: request.synapse,
      inputsJson: request.inputsJson,
      deadlineMs: request.deadlineMs ?? Date.now() + 60_000,
      requestId: randomUUID(),
    }));
    const finals = items.map((item) => new Promise<void>((resolve) => this.waiters.set(item.replyId, resolve)));
    await this.queue.add(
      InferenceJobName.SynapseBatch,
      { replyChannel: this.channel, items },
      { ...INFERENCE_JOB_DEFAULTS, jobId: randomUUID() },
    );
    await Promise.all(finals);
    return items.map((item) => ({ replyId: item.replyId, replies: this.replies.get(item.replyId) ?? [] }));
  }

  async close(): Promise<void> {
    await this.queue.close();
    await this.queueConnection.quit();
    await this.subscriber.quit();
  }
}
