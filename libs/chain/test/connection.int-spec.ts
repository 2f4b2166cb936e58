import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { freePort, rpcCall, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { ChainClient, followFinalizedHeads, isChainError, type ConnectionEvent, type FinalizedHead } from '../src';

/** A websocket endpoint that refuses every upgrade with HTTP 429, like a rate-limiting public node. */
async function rateLimitingServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => response.writeHead(429).end());
  server.on('upgrade', (_, socket) => {
    socket.end('HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Resolves once `condition` holds, checking every 20 ms (the test's own timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('chain client connection', () => {
  let devnet: LaunchedDevnet | undefined;

  beforeAll(async () => {
    devnet = await startDevnet();
  }, 60_000);

  afterAll(async () => {
    await devnet?.stop();
  });

  it('skips a dead endpoint of the pool and connects to the next', async () => {
    const dead = `ws://127.0.0.1:${await freePort()}`;
    const client = await ChainClient.connect({ chainEndpoint: [dead, devnet?.url ?? ''], connectTimeoutMs: 20_000 });
    try {
      expect(client.endpoint).toBe(devnet?.url);
      expect(client.features.specName).toBe('node-subtensor');
    } finally {
      await client.disconnect();
    }
  });

  it('reports a rate-limiting endpoint as TAONODE_CHAIN_RATE_LIMITED', async () => {
    const { url, server } = await rateLimitingServer();
    let caught: unknown;
    try {
      await ChainClient.connect({ chainEndpoint: url, connectTimeoutMs: 1_500 });
    } catch (error) {
      caught = error;
    } finally {
      server.close();
    }
    expect(isChainError(caught, 'TAONODE_CHAIN_RATE_LIMITED')).toBe(true);
  });

  it('gives up with TAONODE_CHAIN_TIMEOUT when no endpoint answers', async () => {
    let caught: unknown;
    try {
      await ChainClient.connect({ chainEndpoint: `ws://127.0.0.1:${await freePort()}`, connectTimeoutMs: 1_000 });
    } catch (error) {
      caught = error;
    }
    expect(isChainError(caught, 'TAONODE_CHAIN_TIMEOUT')).toBe(true);
    // The message says what the socket last said, not only that time ran out.
    expect((caught as Error).message).toMatch(/no answer within 1000 ms \(last: .*ECONNREFUSED/);
  });

  it('with failWhenRefused, still connects to the endpoint of the pool that answers', async () => {
    const dead = `ws://127.0.0.1:${await freePort()}`;
    const client = await ChainClient.connect({
      chainEndpoint: [dead, devnet?.url ?? ''],
      connectTimeoutMs: 20_000,
      failWhenRefused: true,
    });
    try {
      expect(client.endpoint).toBe(devnet?.url);
    } finally {
      await client.disconnect();
    }
  });

  it('with failWhenRefused, gives up once every endpoint refused, naming them, long before its deadline', async () => {
    const dead = [`ws://127.0.0.1:${await freePort()}`, `ws://127.0.0.1:${await freePort()}`];
    // The deadline is far beyond this test's own timeout: only giving up on the refusals can end the connect.
    const caught: unknown = await ChainClient.connect({
      chainEndpoint: dead,
      connectTimeoutMs: 3_600_000,
      failWhenRefused: true,
    }).catch((error: unknown) => error);
    expect(isChainError(caught, 'TAONODE_CHAIN_UNREACHABLE')).toBe(true);
    expect((caught as Error).message).toContain(`nothing answers at ${dead.join(', ')}`);
    expect((caught as Error).message).toMatch(/ECONNREFUSED/);
  }, 60_000);

  it('enforces per-call deadlines', async () => {
    const client = await ChainClient.connect({ chainEndpoint: devnet?.url });
    try {
      await expect(client.call('never answers', () => new Promise<never>(() => undefined), 100)).rejects.toMatchObject({
        code: 'TAONODE_CHAIN_TIMEOUT',
      });
    } finally {
      await client.disconnect();
    }
  });

  it('follows finalized heads and resumes by itself after the node is killed and restarted', async () => {
    const client = await ChainClient.connect({
      chainEndpoint: devnet?.url,
      backoff: { initialMs: 100, maxMs: 1_000, multiplier: 2 },
    });
    const events: ConnectionEvent['type'][] = [];
    client.onConnection((event) => events.push(event.type));
    const heads: FinalizedHead[] = [];
    const subscription = followFinalizedHeads(client).subscribe((head) => heads.push(head));
    try {
      const url = devnet?.url ?? '';
      // Three blocks before the crash.
      const beforeCrash = firstValueFrom(
        followFinalizedHeads(client).pipe(
          filter((head) => head.number >= 3),
          take(1),
        ),
      );
      await rpcCall(url, 'dev_newBlock', [{ count: 3 }]);
      await beforeCrash;

      await devnet?.kill('SIGKILL');
      await until(() => !client.isConnected);
      await expect(client.call('read head while down', (api) => api.rpc.chain.getHeader())).rejects.toMatchObject({
        code: 'TAONODE_CHAIN_DISCONNECTED',
      });

      await devnet?.restart();
      await client.whenConnected(30_000);
      const afterRestart = firstValueFrom(
        followFinalizedHeads(client).pipe(
          filter((head) => head.number >= 2),
          take(1),
        ),
      );
      const countBefore = heads.length;
      await rpcCall(url, 'dev_newBlock', [{ count: 2 }]);
      await afterRestart;
      // The long-lived subscription kept running across the restart: it sees the new chain's blocks.
      await until(() => heads.slice(countBefore).some((head) => head.number === 2));
      expect(heads.slice(0, 4).map((head) => head.number)).toEqual([0, 1, 2, 3]);
      expect(heads.slice(countBefore).map((head) => head.number)).toContain(2);
      expect(events).toEqual(expect.arrayContaining(['disconnected', 'reconnecting', 'connected']));
      expect(client.reconnects).toBe(1);
    } finally {
      subscription.unsubscribe();
      await client.disconnect();
    }
  }, 90_000);

  it('collects heads in order within one connection', async () => {
    const client = await ChainClient.connect({ chainEndpoint: devnet?.url });
    try {
      const start = (await client.api.rpc.chain.getFinalizedHead()).toHex();
      const collected = firstValueFrom(followFinalizedHeads(client).pipe(take(4), toArray()));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await rpcCall(devnet?.url ?? '', 'dev_newBlock', [{ count: 3 }]);
      const heads = await collected;
      expect(heads[0]?.hash).toBe(start);
      const numbers = heads.map((head) => head.number);
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(heads.map((head) => head.hash)).size).toBe(4);
    } finally {
      await client.disconnect();
    }
  });
});
