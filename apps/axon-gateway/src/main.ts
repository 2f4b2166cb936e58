import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_CONFIG } from '@taonode/config';
import { runMain, startService } from '@taonode/service';
import { AppModule } from './app.module';
import { axonFastifyAdapter } from './axon/axon-fastify.adapter';
import type { GatewayConfig } from './config';

runMain('axon-gateway', async () => {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(), axonFastifyAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  const { http } = app.get<GatewayConfig>(APP_CONFIG);
  await startService(app, (started) => started.listen(http.port, http.host));
});
