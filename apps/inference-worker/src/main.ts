import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import { OpsServer } from '@taonode/observability';
import { AppModule } from './app.module';
import type { InferenceWorkerConfig } from './config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<InferenceWorkerConfig>(APP_CONFIG);
  await app.get(OpsServer).listen(config.ops.port, config.ops.host);
}

bootstrap().catch((error: unknown) => {
  // Startup failed before the logger could take over (invalid environment, model digest mismatch): say why, exit.
  process.stderr.write(`inference-worker: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
