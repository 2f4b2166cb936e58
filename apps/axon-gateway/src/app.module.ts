import { type DynamicModule, Module } from '@nestjs/common';
import { opsServerProviders } from '@taonode/observability';
import { type AppModuleOptions, ServiceKitModule } from '@taonode/service';
import { AxonHttpServer } from './axon/axon-http.server';
import { AxonIdentity } from './axon/axon-identity';
import { AxonRequestService } from './axon/axon-request.service';
import { CallerDirectoryService } from './caller/caller-directory.service';
import { AxonAnnouncerService } from './chain/axon-announcer.service';
import { gatewayConfigSchema } from './config';
import { GatewayMetricsRepository } from './gateway-metrics.repository';
import { GatewayProbes } from './health/gateway.probes';
import { InferenceRepository } from './inference/inference.repository';
import { redisProviders } from './inference/redis.providers';
import { NonceRepository } from './nonce/nonce.repository';
import { SignatureVerifier } from './verify/signature-verifier';

/** axon-gateway: the Bittensor axon protocol in front of queue `inference`. */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        // No per-request log lines: at thousands of requests a second they would cost more than the answers.
        ServiceKitModule.forRoot({
          service: 'axon-gateway',
          schema: gatewayConfigSchema,
          env: options.env,
          requestLogs: false,
        }),
      ],
      providers: [
        ...redisProviders,
        GatewayMetricsRepository,
        AxonIdentity,
        CallerDirectoryService,
        SignatureVerifier,
        NonceRepository,
        InferenceRepository,
        AxonRequestService,
        AxonHttpServer,
        AxonAnnouncerService,
        GatewayProbes,
        ...opsServerProviders(GatewayProbes),
      ],
    };
  }
}
