import { Test } from '@nestjs/testing';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '@taonode/config';
import { type LaunchedRedis, startRedisServer, waitFor } from '@taonode/testing';
import { STATE_REDIS, stateRedisProviders } from '../src';

describe('stateRedisProviders (real redis-server)', () => {
  let redis: LaunchedRedis;

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it("injects a connection to the config's Redis under its name, closed when the app closes", async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [
        { provide: APP_CONFIG, useValue: { redis: { url: redis.url } } },
        ...stateRedisProviders('test-service'),
      ],
    }).compile();
    const client = moduleRef.get<Redis>(STATE_REDIS);
    // Lazy: building the module did no I/O.
    expect(client.status).toBe('wait');
    expect(await client.client('GETNAME')).toBe('test-service');

    await moduleRef.close();

    await waitFor('the connection to end', () => (client.status === 'end' ? true : undefined));
  });
});
