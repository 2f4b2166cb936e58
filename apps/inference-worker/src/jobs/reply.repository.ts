import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import type { ReplyMessage } from '@taonode/queue';
import type { InferenceWorkerConfig } from '../config';

/**
 * Publishes reply messages on a job's `replyChannel` (the producer's reply bus routes them by `jobId`), as JSON —
 * the encoding @taonode/queue's reply codec reads. Its own connection: BullMQ's worker connection blocks.
 */
@Injectable()
export class ReplyRepository implements OnApplicationShutdown {
  private readonly publisher: Redis;

  constructor(@Inject(APP_CONFIG) config: InferenceWorkerConfig, logger: Logger) {
    this.publisher = new Redis(config.redis.url, { connectionName: 'inference-worker:reply', maxRetriesPerRequest: 3 });
    this.publisher.on('error', (error: Error) => logger.warn({ err: error.message }, 'reply connection error'));
  }

  async publish(channel: string, message: ReplyMessage): Promise<void> {
    await this.publisher.publish(channel, JSON.stringify(message));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.quit();
  }
}
