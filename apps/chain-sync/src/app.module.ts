import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GrpcExceptionFilter } from '@taonode/grpc';
import { opsServerProviders } from '@taonode/observability';
import { type AppModuleOptions, ServiceKitModule, stateRedisProviders } from '@taonode/service';
import { ChainPortsModule } from './chain/chain-ports.module';
import { ChainSyncMetricsRepository } from './chain-sync-metrics.repository';
import { chainSyncConfigSchema } from './config';
import { MetagraphQueryService } from './grpc/metagraph-query.service';
import { MetagraphController } from './grpc/metagraph.controller';
import { ChainSyncProbes } from './health/chain-sync.probes';
import { CLOCK, SYSTEM_CLOCK } from './ports/clock.port';
import { MetagraphSnapshotRepository } from './snapshot/metagraph-snapshot.repository';
import { ChainSyncService } from './sync/chain-sync.service';
import { HeadTrackerService } from './sync/head-tracker.service';
import { SnapshotHubService } from './sync/snapshot-hub.service';

/** chain-sync: follows finalized heads, keeps metagraph snapshots (memory + Redis), serves MetagraphService. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({ service: 'chain-sync', schema: chainSyncConfigSchema, env: options.env }),
        ChainPortsModule,
      ],
      controllers: [MetagraphController],
      providers: [
        { provide: APP_FILTER, useClass: GrpcExceptionFilter },
        { provide: CLOCK, useValue: SYSTEM_CLOCK },
        ...stateRedisProviders('taonode-chain-sync'),
        MetagraphSnapshotRepository,
        ChainSyncMetricsRepository,
        HeadTrackerService,
        SnapshotHubService,
        ChainSyncService,
        MetagraphQueryService,
        ChainSyncProbes,
        ...opsServerProviders(ChainSyncProbes),
      ],
    };
  }
}
