import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG } from '@taonode/config';
import { OpsServer } from '@taonode/observability';
import { AppModule } from './app.module';
import type { WeightSetterConfig } from './config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<WeightSetterConfig>(APP_CONFIG);
  await app.get(OpsServer).listen(config.ops.port, config.ops.host);
  await app.init();
}

bootstrap().catch((error: unknown) => {
  // Startup failed before the logger could take over (invalid environment, missing wallet): say why, exit non-zero.
  process.stderr.write(`weight-setter: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
