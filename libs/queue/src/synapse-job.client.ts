import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SynapseBatchItem, SynapseJobData } from './inference-job';
import { connectionReady } from './redis-connections';
import { type PendingReply, ReplyBus } from './reply-bus';
import { SynapseJobProducer } from './synapse-job.producer';
import { TurnBatcher } from './turn-batcher';

/** What a producer asks of a worker: the job without the reply channel, which the client fills in. */
export type SynapseWork = Omit<SynapseJobData, 'replyChannel'>;

/** How a client enqueues. */
export interface SynapseJobClientOptions {
  /**
   * Most non-streaming requests of one priority that share a `synapse-batch` job when they are submitted in the
   * same turn of the event loop; 1 gives every request its own `synapse` job.
   */
  readonly maxBatchItems: number;
}

/**
 * The producer's whole round trip to the workers — the gateway's and the scorer's alike: registers for the reply
 * on this process's reply bus *before* the job exists (a fast worker cannot answer into the void), enqueues the
 * job with its priority, and hands back the pending reply. Owns neither connection; `close()` before they close.
 */
export class SynapseJobClient {
  private readonly batcher: TurnBatcher<SynapseBatchItem> | undefined;

  private constructor(
    readonly producer: SynapseJobProducer,
    private readonly bus: ReplyBus,
    options: SynapseJobClientOptions,
  ) {
    this.batcher =
      options.maxBatchItems > 1
        ? new TurnBatcher(options.maxBatchItems, (priority, items) => this.enqueueBatch(priority, items))
        : undefined;
  }

  /**
   * Waits for Redis once (afterwards an outage makes `submit` reject at once, and the connections reconnect by
   * themselves), then opens the reply bus. `producerConnection` from `createProducerConnection`,
   * `subscriberConnection` from `createSubscriberConnection`.
   */
  static async start(
    producerConnection: Redis,
    subscriberConnection: Redis,
    options: SynapseJobClientOptions = { maxBatchItems: 1 },
  ): Promise<SynapseJobClient> {
    await connectionReady(producerConnection);
    const bus = await ReplyBus.open(subscriberConnection);
    return new SynapseJobClient(new SynapseJobProducer(producerConnection), bus, options);
  }

  /**
   * Registers for the reply, then enqueues: a stream (or any request, without batching) as its own job, the rest
   * through the turn's batch. Rejects when Redis refuses the job.
   */
  async submit(work: SynapseWork, priority: number): Promise<PendingReply> {
    const jobId = randomUUID();
    const pending = this.bus.expect(jobId, work.deadlineMs);
    try {
      if (this.batcher === undefined || work.stream) {
        await this.producer.enqueueSynapseJob({ ...work, replyChannel: this.bus.channel }, { jobId, priority });
      } else {
        const { synapse, inputsJson, deadlineMs, requestId } = work;
        await this.batcher.add(priority, { replyId: jobId, synapse, inputsJson, deadlineMs, requestId });
      }
    } catch (error) {
      pending.cancel();
      throw error;
    }
    return pending;
  }

  /** A request alone in its turn still gets a plain `synapse` job, whose id is its reply id. */
  private async enqueueBatch(priority: number, items: readonly SynapseBatchItem[]): Promise<void> {
    const replyChannel = this.bus.channel;
    const [first] = items;
    if (items.length === 1 && first !== undefined) {
      const { replyId, ...work } = first;
      await this.producer.enqueueSynapseJob({ ...work, replyChannel, stream: false }, { jobId: replyId, priority });
      return;
    }
    await this.producer.enqueueSynapseBatchJob({ replyChannel, items }, { priority });
  }

  /** Requests waiting for a reply (a gauge; tests check nothing leaks). */
  get pendingCount(): number {
    return this.bus.pendingCount;
  }

  async close(): Promise<void> {
    await this.bus.close();
    await this.producer.close();
  }
}
