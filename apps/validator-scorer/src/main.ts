import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { runMain, startService } from '@taonode/service';
import { AppModule } from './app.module';

runMain('validator-scorer', async () => {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(), { bufferLogs: true });
  await startService(app, () => Promise.resolve());
});
