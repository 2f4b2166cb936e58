import { type DynamicModule, Module } from '@nestjs/common';
import { opsServerProviders } from '@taonode/observability';
import { type AppModuleOptions, ServiceKitModule } from '@taonode/service';
import { DendriteAdapter } from './adapters/dendrite.adapter';
import { ReferenceAnswersRepository } from './adapters/reference-answers.repository';
import { ScoreLedgerRepository } from './adapters/score-ledger.repository';
import { ScorerRedisConnections } from './adapters/scorer-redis.connections';
import { scorerConfigSchema } from './config';
import { ScorerProbes } from './health/scorer.probes';
import { RoundSchedulerService } from './schedule/round-scheduler.service';
import { ScorerMetricsRepository } from './scorer-metrics.repository';

/** validator-scorer: rounds of challenges to every miner, scored into per-uid moving averages in Redis. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'validator-scorer', schema: scorerConfigSchema, env: options.env }),
      ],
      providers: [
        ScorerRedisConnections,
        ScorerMetricsRepository,
        DendriteAdapter,
        ReferenceAnswersRepository,
        ScoreLedgerRepository,
        RoundSchedulerService,
        ScorerProbes,
        ...opsServerProviders(ScorerProbes),
      ],
    };
  }
}
