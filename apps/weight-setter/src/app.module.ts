import { type DynamicModule, Module } from '@nestjs/common';
import { opsServerProviders } from '@taonode/observability';
import { type AppModuleOptions, ServiceKitModule, stateRedisProviders } from '@taonode/service';
import { weightSetterConfigSchema } from './config';
import { WeightSetterProbes } from './health/weight-setter.probes';
import { MetagraphWatchAdapter } from './metagraph/metagraph-watch.adapter';
import { METAGRAPH_SOURCE } from './ports/metagraph-source.port';
import { WeightSetterMetricsRepository } from './weight-setter-metrics.repository';
import { WeightSetterService } from './weights/weight-setter.service';

/** weight-setter: one leader per (netuid, hotkey) follows the metagraph and puts the scorer's scores on chain. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'weight-setter', schema: weightSetterConfigSchema, env: options.env }),
      ],
      providers: [
        ...stateRedisProviders('taonode-weight-setter'),
        { provide: METAGRAPH_SOURCE, useClass: MetagraphWatchAdapter },
        WeightSetterMetricsRepository,
        WeightSetterService,
        WeightSetterProbes,
        ...opsServerProviders(WeightSetterProbes),
      ],
    };
  }
}
