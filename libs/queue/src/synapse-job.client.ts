import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { SynapseJobData } from './inference-job';
import { connectionReady } from './redis-connections';
import { type PendingReply, ReplyBus } from './reply-bus';
import { SynapseJobProducer } from './synapse-job.producer';

/** What a producer asks of a worker: the job without the reply channel, which the client fills in. */
export type SynapseWork = Omit<SynapseJobData, 'replyChannel'>;

/**
 * The producer's whole round trip to the workers — the gateway's and the scorer's alike: registers for the reply
 * on this process's reply bus *before* the job exists (a fast worker cannot answer into the void), enqueues the
 * job with its priority, and hands back the pending reply. Owns neither connection; `close()` before they close.
 */
export class SynapseJobClient {
  private constructor(
    readonly producer: SynapseJobProducer,
    private readonly bus: ReplyBus,
  ) {}

  /**
   * Waits for Redis once (afterwards an outage makes `submit` reject at once, and the connections reconnect by
   * themselves), then opens the reply bus. `producerConnection` from `createProducerConnection`,
   * `subscriberConnection` from `createSubscriberConnection`.
   */
  static async start(producerConnection: Redis, subscriberConnection: Redis): Promise<SynapseJobClient> {
    await connectionReady(producerConnection);
    return new SynapseJobClient(new SynapseJobProducer(producerConnection), await ReplyBus.open(subscriberConnection));
  }

  /** Registers for the reply, then enqueues; rejects when Redis refuses the job. */
  async submit(work: SynapseWork, priority: number): Promise<PendingReply> {
    const jobId = randomUUID();
    const pending = this.bus.expect(jobId, work.deadlineMs);
    try {
      await this.producer.enqueueSynapseJob({ ...work, replyChannel: this.bus.channel }, { jobId, priority });
    } catch (error) {
      pending.cancel();
      throw error;
    }
    return pending;
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
