import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import { createReplyPublisherConnection, publishReply, type ReplyMessage } from '@taonode/queue';
import type { InferenceWorkerConfig } from '../config';

/**
 * Publishes reply messages on a job's `replyChannel`, where the producer's ReplyBus routes them by `jobId`. Its own
 * connection (BullMQ's worker connection blocks), of the worker flavour (a publish waits through a Redis restart
 * rather than failing a job that has already done its work), auto-pipelined.
 */
@Injectable()
export class ReplyRepository implements OnApplicationShutdown {
  private readonly publisher: Redis;

  constructor(@Inject(APP_CONFIG) config: InferenceWorkerConfig, logger: Logger) {
    this.publisher = createReplyPublisherConnection({
      url: config.redis.url,
      connectionName: 'inference-worker:reply',
      onError: (error) => logger.warn({ err: error.message }, 'reply connection error'),
    });
  }

  publish(channel: string, message: ReplyMessage): Promise<void> {
    return publishReply(this.publisher, channel, message);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.quit();
  }
}
