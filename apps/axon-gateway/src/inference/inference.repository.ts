import { type BeforeApplicationShutdown, Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import { type PendingReply, SynapseJobClient, type SynapseWork } from '@taonode/queue';
import type { GatewayConfig } from '../config';
import { GatewayMetricsRepository } from '../gateway-metrics.repository';
import { PRODUCER_REDIS, SUBSCRIBER_REDIS } from './redis.providers';

export type { SynapseWork };

/** Queue `inference` and the reply bus (libs/queue's SynapseJobClient): the gateway's only way to reach workers. */
@Injectable()
export class InferenceRepository implements OnModuleInit, BeforeApplicationShutdown {
  private client: SynapseJobClient | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: GatewayConfig,
    @Inject(PRODUCER_REDIS) private readonly redis: Redis,
    @Inject(SUBSCRIBER_REDIS) private readonly subscriber: Redis,
    private readonly metrics: GatewayMetricsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    // Waits for Redis once at start; afterwards a Redis outage turns into 503s and the connections reconnect.
    const client = await SynapseJobClient.start(this.redis, this.subscriber, {
      maxBatchItems: this.config.queueBatchMax,
    });
    this.client = client;
    this.metrics.sampleQueueDepth(() => client.producer.waitingCount());
  }

  /** Before the connections close (they close in `onApplicationShutdown`). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.client?.close();
  }

  /** Registers for the reply, then enqueues; rejects when Redis refuses the job (the caller answers 503). */
  async submit(work: SynapseWork, priority: number): Promise<PendingReply> {
    if (this.client === undefined) {
      throw new Error('inference repository is not started');
    }
    return this.client.submit(work, priority);
  }
}
