import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type EnvSource } from '@taonode/config';
import { OpsServer } from '@taonode/observability';
import { AppModule } from './app.module';
import type { WeightSetterConfig } from './config';

/** `--dry-run` on the command line means `WEIGHTS_DRY_RUN=true`; the environment is still validated once, in config.ts. */
function environment(argv: readonly string[], env: EnvSource): EnvSource {
  return argv.includes('--dry-run') ? { ...env, WEIGHTS_DRY_RUN: 'true' } : env;
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ env: environment(process.argv.slice(2), process.env) }),
    { bufferLogs: true },
  );
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
