import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runMain, startService } from '@taonode/service';
import { AppModule } from './app.module';

// No server of its own: the worker takes jobs from Redis once its backend is ready (SynapseProcessor's bootstrap
// hook), so `listen` has nothing to do beyond the kit's ops server.
runMain('inference-worker', async () => {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { bufferLogs: true });
  await startService(app, () => Promise.resolve());
});
