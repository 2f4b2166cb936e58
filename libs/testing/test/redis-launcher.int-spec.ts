import { connect } from 'node:net';
import Redis from 'ioredis';
import { startRedisServer } from '../src';

/** Whether anything accepts TCP connections on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('startRedisServer', () => {
  it('serves a private redis with append-only persistence when asked, and is gone after stop', async () => {
    const redis = await startRedisServer({ appendOnly: true });
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await client.connect();
      await client.set('taonode:test', 'value');
      expect(await client.get('taonode:test')).toBe('value');
      expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    } finally {
      client.disconnect();
      await redis.stop();
    }
    expect(await isListening(redis.port)).toBe(false);
  });

  it('gives two servers started together different ports and separate data', async () => {
    const [first, second] = await Promise.all([startRedisServer(), startRedisServer()]);
    const a = new Redis(first.url, { lazyConnect: true });
    const b = new Redis(second.url, { lazyConnect: true });
    try {
      await Promise.all([a.connect(), b.connect()]);
      expect(first.port).not.toBe(second.port);
      await a.set('only-in-first', '1');
      expect(await b.exists('only-in-first')).toBe(0);
      expect(await a.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    } finally {
      a.disconnect();
      b.disconnect();
      await Promise.all([first.stop(), second.stop()]);
    }
  });
});
