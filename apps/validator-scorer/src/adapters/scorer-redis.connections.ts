import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import { createProducerConnection, createSubscriberConnection } from '@taonode/queue';
import type { ScorerConfig } from '../config';

/**
 * The scorer's two Redis connections — commands (reference jobs, score updates; fail-fast while Redis is down) and
 * the reply bus's subscriber — closed last, after everything that uses them. Both reconnect by themselves.
 */
@Injectable()
export class ScorerRedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(ScorerRedisConnections.name);
  readonly commands: Redis;
  readonly subscriber: Redis;

  constructor(@Inject(APP_CONFIG) config: ScorerConfig) {
    const onError = (error: Error): void => this.logger.warn({ err: error }, 'redis connection error');
    this.commands = createProducerConnection({
      url: config.redis.url,
      connectionName: 'taonode-validator-scorer',
      onError,
    });
    this.subscriber = createSubscriberConnection({
      url: config.redis.url,
      connectionName: 'taonode-validator-scorer-replies',
      onError,
    });
  }

  onApplicationShutdown(): void {
    this.commands.disconnect();
    this.subscriber.disconnect();
  }
}
