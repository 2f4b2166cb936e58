import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { AsyncMicroserviceOptions } from '@nestjs/microservices';
import { runMain, startService } from '@taonode/service';
import { AppModule } from './app.module';
import { metagraphGrpcServer } from './grpc/metagraph-grpc.options';

runMain('chain-sync', async () => {
  const app = await NestFactory.createMicroservice<AsyncMicroserviceOptions>(AppModule.forRoot(), {
    bufferLogs: true,
    ...metagraphGrpcServer,
  });
  await startService(app, (started) => started.listen());
});
