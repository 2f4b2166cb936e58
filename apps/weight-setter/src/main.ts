import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { EnvSource } from '@taonode/config';
import { runMain, startService } from '@taonode/service';
import { AppModule } from './app.module';

/** `--dry-run` on the command line means `WEIGHTS_DRY_RUN=true`; the environment is still validated once, in config.ts. */
function environment(argv: readonly string[], env: EnvSource): EnvSource {
  return argv.includes('--dry-run') ? { ...env, WEIGHTS_DRY_RUN: 'true' } : env;
}

runMain('weight-setter', async () => {
  const app = await NestFactory.createApplicationContext(
    AppModule.forRoot({ env: environment(process.argv.slice(2), process.env) }),
    { bufferLogs: true },
  );
  await startService(app, () => app.init());
});
