import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import type { WeightSetterConfig } from '../config';

export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

/**
 * weight-setter's ioredis connection. `lazyConnect`: building the module does no I/O. One retry per command:
 * a lock renewal or ledger write that cannot happen now fails fast and the service decides (step down, retry).
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: WeightSetterConfig) {
    this.client = new Redis(config.redis.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectionName: 'taonode-weight-setter',
    });
    this.client.on('error', (error: Error) => this.logger.warn({ err: error }, 'redis connection error'));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client.status === 'wait' || this.client.status === 'end') {
      this.client.disconnect();
      return;
    }
    await this.client.quit().catch((error: unknown) => {
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
