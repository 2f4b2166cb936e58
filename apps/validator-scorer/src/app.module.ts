import { type DynamicModule, Module } from '@nestjs/common';
import type { EnvSource } from '@taonode/config';
import { opsServerProviders } from '@taonode/observability';
import { ServiceKitModule } from '@taonode/service';
import { DendriteAdapter } from './adapters/dendrite.adapter';
import { ReferenceAnswersRepository } from './adapters/reference-answers.repository';
import { ScoreLedgerRepository } from './adapters/score-ledger.repository';
import { ScorerRedisConnections } from './adapters/scorer-redis.connections';
import { scorerConfigSchema } from './config';
import { ScorerProbes } from './health/scorer.probes';
import { RoundSchedulerService } from './schedule/round-scheduler.service';
import { ScorerMetricsRepository } from './scorer-metrics.repository';

export interface AppModuleOptions {
  /** Environment to configure from; `process.env` unless a test passes its own. */
  readonly env?: EnvSource;
}

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
