import { type DynamicModule, Module } from '@nestjs/common';
import type { z } from 'zod';
import { type EnvSource, type LogConfig, TaonodeConfigModule } from '@taonode/config';
import { ObservabilityModule } from '@taonode/observability';

/** What every service's schema must produce: the sections the kit itself reads. */
export interface KitConfig {
  readonly log: LogConfig;
  readonly ops: { readonly host: string; readonly port: number };
}

/** What every app module's `forRoot` takes, from `main.ts` (nothing) or a test harness (its own environment). */
export interface AppModuleOptions {
  /** Environment to configure from; `process.env` unless a test passes its own. */
  readonly env?: EnvSource;
}

export interface ServiceKitOptions<S extends z.ZodType<KitConfig, unknown>> extends AppModuleOptions {
  /** Service name: the `service` label on metrics and logs. */
  readonly service: string;
  /** The app's config schema (`config.ts`). */
  readonly schema: S;
  /** Node process metrics; default on. */
  readonly defaultMetrics?: boolean;
  /** A log line per HTTP request; default on (see `LoggerOptions.requestLogs`). */
  readonly requestLogs?: boolean;
}

/**
 * The cross-cutting imports every taonode service starts with, in one place: the environment validated once into
 * `APP_CONFIG`, the pino logger and the service's metrics registry. The app module adds its own providers and
 * `opsServerProviders(probes)`.
 */
@Module({})
export class ServiceKitModule {
  static forRoot<S extends z.ZodType<KitConfig, unknown>>(options: ServiceKitOptions<S>): DynamicModule {
    return {
      module: ServiceKitModule,
      imports: [
        TaonodeConfigModule.forRoot({ schema: options.schema, env: options.env }),
        ObservabilityModule.forRoot({
          service: options.service,
          defaultMetrics: options.defaultMetrics,
          requestLogs: options.requestLogs,
        }),
      ],
    };
  }
}
