import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import type { ChainSyncConfig } from '../config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * One ioredis connection for chain-sync. `lazyConnect`: nothing happens until the first command, so building the
 * module does no I/O. Commands fail after one reconnect attempt instead of queueing forever: a snapshot write that
 * cannot happen now is superseded by the next block's anyway.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: ChainSyncConfig) {
    this.client = new Redis(config.redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectionName: 'taonode-chain-sync',
    });
    this.client.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis connection error'));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch((error: unknown) => {
      // Quitting a connection that is down cannot succeed; drop it instead.
      this.logger.warn({ err: error }, 'redis quit failed; disconnecting');
      this.client.disconnect();
    });
  }
}

export const redisClientProvider: Provider = {
  provide: REDIS_CLIENT,
  inject: [RedisConnection],
  useFactory: (connection: RedisConnection) => connection.client,
};
