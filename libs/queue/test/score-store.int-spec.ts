import { Redis } from 'ioredis';
import { type LaunchedRedis, startRedisServer } from '@taonode/testing';
import { MalformedScoreEntryError, ScoreStore, scoreKey } from '../src';

describe('ScoreStore (real redis-server, append-only)', () => {
  let redis: LaunchedRedis;
  let client: Redis;
  let store: ScoreStore;

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: true });
    client = new Redis(redis.url);
    store = new ScoreStore(client);
  });

  afterAll(async () => {
    client.disconnect();
    await redis.stop();
  });

  beforeEach(async () => {
    await client.flushall();
  });

  it('starts a new uid from zero and moves the average by alpha', async () => {
    await store.applyRewards(1, 0.5, [{ uid: 3, hotkey: 'hkA', reward: 1 }]);
    await store.applyRewards(1, 0.5, [{ uid: 3, hotkey: 'hkA', reward: 1 }]);
    expect(await store.read(1)).toEqual([{ uid: 3, hotkey: 'hkA', score: 0.75 }]);
  });

  it('restarts a uid from zero when another hotkey holds it', async () => {
    await store.applyRewards(1, 0.5, [{ uid: 0, hotkey: 'old', reward: 1 }]);
    await store.applyRewards(1, 0.5, [{ uid: 0, hotkey: 'new', reward: 0.5 }]);
    expect(await store.read(1)).toEqual([{ uid: 0, hotkey: 'new', score: 0.25 }]);
  });

  it('keeps subnets apart and returns entries ordered by uid', async () => {
    await store.applyRewards(2, 1, [
      { uid: 10, hotkey: 'b', reward: 0.2 },
      { uid: 2, hotkey: 'a', reward: 0.4 },
    ]);
    expect((await store.read(2)).map((entry) => entry.uid)).toEqual([2, 10]);
    expect(await store.read(1)).toEqual([]);
  });

  it('refuses rewards outside [0, 1] and alpha outside (0, 1] before writing anything', async () => {
    await expect(store.applyRewards(1, 0.1, [{ uid: 1, hotkey: 'x', reward: Number.NaN }])).rejects.toThrow(RangeError);
    await expect(store.applyRewards(1, 0, [{ uid: 1, hotkey: 'x', reward: 1 }])).rejects.toThrow(RangeError);
    expect(await store.read(1)).toEqual([]);
  });

  it('reports an entry it did not write as malformed', async () => {
    await client.hset(scoreKey(1), '4', 'garbage');
    await expect(store.read(1)).rejects.toThrow(MalformedScoreEntryError);
  });
});
