/**
 * @taonode/service — the NestJS service kit: one way every taonode service is configured (environment validated
 * once), observed (logger, metrics registry, ops server) and started and stopped (shutdown hooks), used alike by
 * each `main.ts` and by the test harnesses; and the Redis connection of a service that keeps its state there.
 */
export { type AppModuleOptions, type KitConfig, ServiceKitModule, type ServiceKitOptions } from './service-kit.module';
export { STATE_REDIS, stateRedisProviders } from './state-redis.providers';
export { runMain, type StartableApp, type StartedService, startService } from './start-service';
