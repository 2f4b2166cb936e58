import { type DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type LogConfig } from '@taonode/config';
import { type LoggerOptions, pinoParams } from './logging/pino-params';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics/metrics-registry';
import { OPS_PROBES, type OpsProbes } from './ops/ops-probes';
import { OpsServer } from './ops/ops-server';

export interface ObservabilityOptions extends LoggerOptions {
  /** Node process metrics; default on. */
  readonly defaultMetrics?: boolean;
}

/**
 * Logging (nestjs-pino, configured from the app's `log` config under APP_CONFIG) and the service's metrics
 * registry, both global. Requires `TaonodeConfigModule` with a schema that has a `log` section.
 */
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: { readonly log: LogConfig }) => pinoParams(options, config.log),
        }),
      ],
      providers: [
        {
          provide: METRICS_REGISTRY,
          useFactory: () => createMetricsRegistry({ service: options.service, defaultMetrics: options.defaultMetrics }),
        },
      ],
      exports: [LoggerModule, METRICS_REGISTRY],
    };
  }
}

/**
 * Providers for the app's root module: the {@link OpsServer} and the app's probes class behind {@link OPS_PROBES}.
 * Listed in the app module (not a library module) so the probes share the app's instances.
 */
export function opsServerProviders(probes: Type<OpsProbes>): Provider[] {
  return [OpsServer, { provide: OPS_PROBES, useExisting: probes }];
}
