import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { connectionReady, type PendingReply, ReplyBus, type SynapseJobData, SynapseJobProducer } from '@taonode/queue';
import { GatewayMetricsRepository } from '../gateway-metrics.repository';
import { PRODUCER_REDIS, SUBSCRIBER_REDIS } from './redis.providers';

/** What the gateway asks of a worker. */
export type SynapseWork = Omit<SynapseJobData, 'replyChannel'>;

/** Queue `inference` and the reply bus: the gateway's only way to reach workers. */
@Injectable()
export class InferenceRepository implements OnModuleInit, BeforeApplicationShutdown {
  private producer: SynapseJobProducer | undefined;
  private bus: ReplyBus | undefined;

  constructor(
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    @Inject(SUBSCRIBER_REDIS) private readonly subscriber: Redis,
    private readonly metrics: GatewayMetricsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // Waits for Redis once at start; afterwards a Redis outage turns into 503s and the connections reconnect.
    await connectionReady(this.redis);
    this.producer = new SynapseJobProducer(this.redis);
    this.bus = await ReplyBus.open(this.subscriber);
    const producer = this.producer;
    this.metrics.sampleQueueDepth(() => producer.waitingCount());
  }

  /** Before the connections close (they close in `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.bus?.close();
    await this.producer?.close();
  }

  /** Registers for the reply, then enqueues; rejects when Redis refuses the job (the caller answers 503). */
  async submit(work: SynapseWork, priority: number): Promise<PendingReply> {
    const producer = this.producer;
    const bus = this.bus;
    if (producer === undefined || bus === undefined) {
      throw new Error('inference repository is not started');
    }
    const jobId = randomUUID();
    const pending = bus.expect(jobId, work.deadlineMs);
    try {
      await producer.enqueueSynapseJob({ ...work, replyChannel: bus.channel }, { jobId, priority });
    } catch (error) {
      pending.cancel();
      throw error;
    }
    return pending;
  }
}
