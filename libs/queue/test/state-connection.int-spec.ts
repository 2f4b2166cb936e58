import { freePort, type LaunchedRedis, startRedisServer, waitFor } from '@taonode/testing';
import { closeConnection, createStateConnection } from '../src';

/** Fails the test if called: these cases expect no error reported. */
function unexpected(what: string): (error: Error) => void {
  return (error) => {
    throw new Error(`unexpected ${what}: ${error.message}`);
  };
}

describe('a state connection (real redis-server)', () => {
  let redis: LaunchedRedis;

  beforeAll(async () => {
    redis = await startRedisServer();
  });

  afterAll(async () => {
    await redis.stop();
  });

  it('does no I/O until its first command, and is closed without connecting when it never ran one', async () => {
    // Nothing listens on this port: any connection attempt would report an error.
    const url = `redis://127.0.0.1:${await freePort()}`;
    const errors: Error[] = [];
    const client = createStateConnection({ url, connectionName: 'test-lazy', onError: (error) => errors.push(error) });
    expect(client.status).toBe('wait');

    await closeConnection(client, unexpected('quit failure'));

    expect(client.status).toBe('end');
    expect(errors).toEqual([]);
  });

  it('connects on its first command under its name, and lets replies to sent commands arrive when closed', async () => {
    const client = createStateConnection({
      url: redis.url,
      connectionName: 'test-state',
      onError: unexpected('connection error'),
    });

    expect(await client.client('GETNAME')).toBe('test-state');
    const pending = client.set('state-connection:key', 'value');
    await closeConnection(client, unexpected('quit failure'));

    await expect(pending).resolves.toBe('OK');
    await waitFor('the connection to end', () => (client.status === 'end' ? true : undefined));
  });

  it('fails a command after one retry while Redis is down, instead of holding it until Redis returns', async () => {
    const server = await startRedisServer();
    const client = createStateConnection({ url: server.url, connectionName: 'test-down', onError: () => undefined });
    try {
      await client.set('state-connection:key', 'value');
      await server.stop();

      await expect(client.get('state-connection:key')).rejects.toThrow(/max retries per request/);
      // Closing while it reconnects resolves too (QUIT cannot reach Redis; the connection is dropped).
      await closeConnection(client, () => undefined);
    } finally {
      client.disconnect();
      await server.stop();
    }
  });
});
