import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import { createProducerConnection, createSubscriberConnection } from '@taonode/queue';
import type { GatewayConfig } from '../config';

/** The gateway's command connection (nonces, enqueue): fails fast while Redis is down, so requests get 503. */
export const PRODUCER_REDIS = Symbol('PRODUCER_REDIS');
/** The reply bus's subscriber connection. */
export const SUBSCRIBER_REDIS = Symbol('SUBSCRIBER_REDIS');

/** Owns the gateway's two Redis connections and closes them last. */
@Injectable()
export class GatewayRedisConnections implements OnApplicationShutdown {
  private readonly logger = new Logger(GatewayRedisConnections.name);
  readonly producer: Redis;
  readonly subscriber: Redis;

  constructor(@Inject(APP_CONFIG) config: GatewayConfig) {
    const onError = (error: Error): void => this.logger.warn({ err: error }, 'redis connection error');
    this.producer = createProducerConnection({
      url: config.redis.url,
      connectionName: 'taonode-axon-gateway',
      onError,
    });
    this.subscriber = createSubscriberConnection({
      url: config.redis.url,
      connectionName: 'taonode-axon-gateway-replies',
      onError,
    });
  }

  onApplicationShutdown(): void {
    this.producer.disconnect();
    this.subscriber.disconnect();
  }
}

export const redisProviders: Provider[] = [
  GatewayRedisConnections,
  {
    provide: PRODUCER_REDIS,
    inject: [GatewayRedisConnections],
    useFactory: (c: GatewayRedisConnections) => c.producer,
  },
  {
    provide: SUBSCRIBER_REDIS,
    inject: [GatewayRedisConnections],
    useFactory: (c: GatewayRedisConnections) => c.subscriber,
  },
];
