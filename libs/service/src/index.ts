/**
 * @taonode/service — the NestJS service kit: one way every taonode service is configured (environment validated
 * once), observed (logger, metrics registry, ops server) and started and stopped (shutdown hooks), used alike by
 * each `main.ts` and by the test harnesses.
 */
export { type KitConfig, ServiceKitModule, type ServiceKitOptions } from './service-kit.module';
export { runMain, type StartableApp, type StartedService, startService } from './start-service';
