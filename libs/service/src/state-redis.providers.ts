import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type RedisConfig } from '@taonode/config';
import { closeConnection, createStateConnection } from '@taonode/queue';

/**
 * Injects a service's state connection (`createStateConnection`: lazy, one retry per command), for a service that
 * keeps its own state in Redis (chain-sync's snapshots, weight-setter's leader lock and ledger).
 */
export const STATE_REDIS = Symbol('STATE_REDIS');
const STATE_REDIS_NAME = Symbol('STATE_REDIS_NAME');

/** Owns the connection, so that Nest closes it at shutdown (after the providers that use it). */
@Injectable()
class StateRedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(StateRedisConnection.name);
  readonly client: Redis;

  constructor(
    @Inject(APP_CONFIG) config: { readonly redis: RedisConfig },
    @Inject(STATE_REDIS_NAME) connectionName: string,
  ) {
    this.client = createStateConnection({
      url: config.redis.url,
      connectionName,
      onError: (error) => this.logger.warn({ err: error }, 'redis connection error'),
    });
  }

  onApplicationShutdown(): Promise<void> {
    return closeConnection(this.client, (error) =>
      this.logger.warn({ err: error }, 'redis quit failed; disconnecting'),
    );
  }
}

/**
 * The providers of {@link STATE_REDIS}, connecting to the app config's `redis.url` as `connectionName`
 * (`CLIENT LIST` shows it).
 */
export function stateRedisProviders(connectionName: string): Provider[] {
  return [
    { provide: STATE_REDIS_NAME, useValue: connectionName },
    StateRedisConnection,
    {
      provide: STATE_REDIS,
      inject: [StateRedisConnection],
      useFactory: (connection: StateRedisConnection) => connection.client,
    },
  ];
}
