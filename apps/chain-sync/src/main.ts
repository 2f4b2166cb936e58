import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import { OpsServer } from '@taonode/observability';
import { AppModule } from './app.module';
import type { ChainSyncConfig } from './config';
import { metagraphGrpcServer } from './grpc/metagraph-grpc.options';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(AppModule.forRoot(), {
    bufferLogs: true,
    ...metagraphGrpcServer,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<ChainSyncConfig>(APP_CONFIG);
  await app.get(OpsServer).listen(config.ops.port, config.ops.host);
  await app.listen();
}

bootstrap().catch((error: unknown) => {
  // Startup failed before the logger could take over (invalid environment, port in use): say why, exit non-zero.
  process.stderr.write(`chain-sync: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
