import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  type FakeMetagraphServer,
  type LaunchedRedis,
  startFakeMetagraphServer,
  startRedisServer,
} from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { type DummyWorker, startDummyWorker } from './support/dummy-worker';
import { waitUntilReady } from './support/gateway-stack';
import { type RunningGateway, startGateway } from './support/gateway.app';
import { ALICE, dummyRequest, pingRequest, send } from './support/signed-request';

const TAO = 1_000_000_000n;
const CHARLIE = Keypair.fromUri('//Charlie');

function messageOf(body: string): string {
  return (JSON.parse(body) as { message: string }).message;
}

describe('axon-gateway under failure (real Redis, HTTP, gRPC)', () => {
  let redis: LaunchedRedis;
  let metagraph: FakeMetagraphServer;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    metagraph = await startFakeMetagraphServer(1, [
      { hotkey: ALICE.ss58Address, stakeRao: 1_000n * TAO, validatorPermit: true },
      { hotkey: CHARLIE.ss58Address, stakeRao: 1n * TAO, validatorPermit: false },
    ]);
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  });

  afterAll(async () => {
    await metagraph.stop();
    await redis.stop();
  });

  async function gatewayWith(env: Record<string, string>, redisUrl = redis.url): Promise<RunningGateway> {
    const gateway = await startGateway({ redisUrl, metagraphUrl: metagraph.url, env });
    cleanups.push(() => gateway.close());
    await waitUntilReady(gateway);
    return gateway;
  }

  function worker(redisUrl: string, options: { silent?: boolean } = {}): DummyWorker {
    const started = startDummyWorker(redisUrl, options);
    cleanups.push(() => started.stop());
    return started;
  }

  it('answers 408 by the deadline when no worker answers, and the job was taken', async () => {
    const gateway = await gatewayWith({});
    const silent = worker(redis.url, { silent: true });
    const response = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, timeoutSeconds: 1 }));
    expect(response.status).toBe(408);
    expect(response.headers.get('bt_header_axon_status_code')).toBe('408');
    expect(messageOf(response.body)).toBe('Response timeout after: 1.0s');
    expect(silent.taken()).toBe(1);
  });

  it('sheds the low-stake caller with 503 under overload while the highest stake is still admitted', async () => {
    // Ceilings on fresh (unproven) connections: 1 slot for 1 TAO, 3 for the largest stake (3/4 of their shares).
    const gateway = await gatewayWith({ AXON_MAX_IN_FLIGHT: '4' });
    worker(redis.url, { silent: true });
    // One request held in flight (no worker answers it before its 2 s deadline).
    const held = send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, signer: CHARLIE, timeoutSeconds: 2 }));
    while (
      !/^taonode_gateway_in_flight_requests\{[^}]*\} 1$/m.test(await (await fetch(`${gateway.opsUrl}/metrics`)).text())
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const lowStake = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, signer: CHARLIE }));
    expect(lowStake.status).toBe(503);
    expect(lowStake.headers.get('bt_header_axon_status_code')).toBe('503');
    const highStake = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, timeoutSeconds: 1 }));
    expect(highStake.status).toBe(408);
    expect((await held).status).toBe(408);
  });

  it('answers 429 once an IP exceeds its rate limit', async () => {
    const gateway = await gatewayWith({ AXON_RATE_LIMIT_PER_SECOND: '1', AXON_RATE_LIMIT_BURST: '2' });
    worker(redis.url);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }))).status);
    }
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
  });

  it('shares one per-IP rate limit between two gateway replicas on one Redis', async () => {
    const own = await startRedisServer();
    cleanups.push(() => own.stop());
    // A burst of 4 and (practically) no refill: each replica alone would serve 4 requests from this IP.
    const env = { AXON_RATE_LIMIT_PER_SECOND: '0.001', AXON_RATE_LIMIT_BURST: '4' };
    const replicas = [await gatewayWith(env, own.url), await gatewayWith(env, own.url)];
    const statuses: number[][] = [[], []];
    for (let i = 0; i < 10; i += 1) {
      const replica = replicas[i % 2];
      if (replica === undefined) {
        throw new Error('no replica');
      }
      const response = await send(replica.url, pingRequest({ axonHotkey: replica.hotkey }));
      if (response.status === 429) {
        expect(response.headers.get('bt_header_axon_status_code')).toBe('429');
      }
      statuses[i % 2]?.push(response.status);
    }
    expect(statuses).toEqual([
      [200, 200, 429, 429, 429],
      [200, 200, 429, 429, 429],
    ]);
  });

  it('answers 503 while Redis is down and recovers by itself when it is back', async () => {
    const own = await startRedisServer();
    let current: LaunchedRedis | undefined = own;
    cleanups.push(async () => current?.stop());
    const gateway = await gatewayWith({}, own.url);
    const work = startDummyWorker(own.url);
    cleanups.push(() => work.stop());
    expect((await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }))).status).toBe(200);

    await own.stop();
    current = undefined;
    const down = await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }));
    expect(down.status).toBe(503);
    expect(down.headers.get('bt_header_axon_status_code')).toBe('503');

    current = await startRedisServer({ port: own.port });
    let status = 0;
    for (let attempt = 0; attempt < 200 && status !== 200; attempt += 1) {
      status = (await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey, timeoutSeconds: 5 }))).status;
      if (status !== 200) {
        expect([503, 408]).toContain(status);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    expect(status).toBe(200);
  });

  it('survives 10,000 fuzzed requests and its heap returns to baseline', async () => {
    const gateway = await gatewayWith({});
    worker(redis.url);
    const valid = dummyRequest({ axonHotkey: gateway.hotkey });
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const mutate = (text: string): string => {
      const chars = [...text];
      const edits = 1 + Math.floor(random() * 4);
      for (let i = 0; i < edits; i += 1) {
        const at = Math.floor(random() * chars.length);
        chars[at] = String.fromCharCode(32 + Math.floor(random() * 95));
      }
      return chars.join('');
    };
    const headerNames = Object.keys(valid.headers);
    const fuzzed = (): { path: string; headers: Record<string, string>; body: string } => {
      const headers: Record<string, string> = { ...valid.headers };
      const name = headerNames[Math.floor(random() * headerNames.length)] ?? 'name';
      const roll = random();
      if (roll < 0.3) {
        headers[name] = mutate(headers[name] ?? '');
      } else if (roll < 0.4) {
        delete headers[name];
      }
      const body = roll >= 0.3 && roll < 0.8 ? mutate(valid.body) : valid.body;
      const path = random() < 0.05 ? `/${mutate('Dummy')}` : valid.path;
      return { path, headers, body };
    };
    const round = async (count: number): Promise<Set<number>> => {
      const statuses = new Set<number>();
      const lanes = Array.from({ length: 16 }, async () => {
        for (let i = 0; i < count / 16; i += 1) {
          const response = await send(gateway.url, fuzzed()).catch(() => ({ status: 0 }));
          statuses.add(response.status);
        }
      });
      await Promise.all(lanes);
      return statuses;
    };
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heapAfterGc = (): number => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    await round(1_000);
    const baseline = heapAfterGc();
    const statuses = await round(10_000);
    expect(statuses.has(0)).toBe(false);
    for (const status of statuses) {
      expect([200, 400, 401, 403, 404, 413, 422, 431, 500]).toContain(status);
    }
    expect((await send(gateway.url, dummyRequest({ axonHotkey: gateway.hotkey }))).status).toBe(200);
    // Generous: no per-request state may accumulate (a leak of even 1 KB per request would be 10 MB).
    expect(heapAfterGc() - baseline).toBeLessThan(8 * 1024 * 1024);
  }, 600_000);
});
