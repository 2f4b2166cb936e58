import { type DynamicModule, Module } from '@nestjs/common';
import { opsServerProviders } from '@taonode/observability';
import { type AppModuleOptions, ServiceKitModule } from '@taonode/service';
import { inferenceWorkerConfigSchema } from './config';
import { TextGenerationEngine } from './engine/text-generation.engine';
import { InferenceWorkerProbes } from './health/inference-worker.probes';
import { InferenceWorkerMetricsRepository } from './inference-worker-metrics.repository';
import { ReplyRepository } from './jobs/reply.repository';
import { SynapseJobService } from './jobs/synapse-job.service';
import { SynapseProcessor } from './jobs/synapse.processor';

/** inference-worker: consumes queue `inference`, answers synapse jobs with the configured backend. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServiceKitModule.forRoot({
          service: 'inference-worker',
          schema: inferenceWorkerConfigSchema,
          env: options.env,
        }),
      ],
      providers: [
        InferenceWorkerMetricsRepository,
        TextGenerationEngine,
        ReplyRepository,
        SynapseJobService,
        SynapseProcessor,
        InferenceWorkerProbes,
        ...opsServerProviders(InferenceWorkerProbes),
      ],
    };
  }
}
