import { Metadata, status } from '@grpc/grpc-js';
import { Redis } from 'ioredis';
import { firstValueFrom } from 'rxjs';
import { callDeadline, ERROR_CODE_METADATA_KEY } from '@taonode/grpc';
import { metagraphV1 as pb } from '@taonode/proto';
import { blockHashOf, buildMetagraph, fakeAddress, type LaunchedRedis, startRedisServer } from '@taonode/testing';
import { decodeSnapshot } from '../src/snapshot/metagraph-snapshot.codec';
import { snapshotKey } from '../src/snapshot/metagraph-snapshot.repository';
import { type RunningChainSync, startChainSync } from './support/chain-sync.app';
import { FakeChain, FakeClock } from './support/fake-chain';
import { StreamRecorder, waitFor } from './support/wait-for';

interface GrpcFailure {
  readonly code: number;
  readonly details: string;
  readonly metadata: Metadata;
}

async function failureOf(call: Promise<unknown>): Promise<GrpcFailure> {
  try {
    await call;
  } catch (error) {
    return error as GrpcFailure;
  }
  throw new Error('expected the call to fail');
}

function errorCode(failure: GrpcFailure): unknown {
  return failure.metadata.get(ERROR_CODE_METADATA_KEY)[0];
}

/** chain-sync's default health window: CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS (10) × CHAIN_SYNC_BLOCK_TIME_MS (12 s). */
const HEALTH_WINDOW_MS = 10 * 12_000;

describe('chain-sync MetagraphService over loopback gRPC, real Redis, in-process fake chain', () => {
  let redis: LaunchedRedis;
  let redisClient: Redis;
  let chain: FakeChain;
  let clock: FakeClock;
  let service: RunningChainSync;

  beforeAll(async () => {
    redis = await startRedisServer();
    redisClient = new Redis(redis.url);
  });

  afterAll(async () => {
    await redisClient.quit();
    await redis.stop();
  });

  beforeEach(async () => {
    await redisClient.flushall();
    chain = new FakeChain();
    clock = new FakeClock(Date.now());
    chain.defineSubnet(1);
    chain.defineSubnet(2, (block) => buildMetagraph({ netuid: 2, block, n: 2 }));
    service = await startChainSync({
      redisUrl: redis.url,
      chain,
      // The default health window (10 × 12 s) on a clock the test moves: fresh answers stay fresh however slow the
      // machine, and the outage scenario moves the clock past the window itself.
      env: { NETUIDS: '1' },
      clock,
    });
    chain.connect();
  });

  afterEach(async () => {
    await service.close();
  });

  async function finalized(block: number): Promise<void> {
    chain.finalize(block);
    await service.sync.idle();
  }

  it('is not ready and answers UNAVAILABLE before the first snapshot, then ready once it is written', async () => {
    expect((await fetch(`${service.opsUrl}/ready`)).status).toBe(503);
    const failure = await failureOf(firstValueFrom(service.client.getMetagraph({ netuid: 1 })));
    expect(failure.code).toBe(status.UNAVAILABLE);
    expect(errorCode(failure)).toBe('TAONODE_CHAIN_SYNC_NOT_READY');

    await finalized(10);
    expect((await fetch(`${service.opsUrl}/ready`)).status).toBe(200);
  });

  it('serves the latest snapshot with every field and u64 values as exact strings', async () => {
    await finalized(10);
    const { metagraph, freshness } = await firstValueFrom(service.client.getMetagraph({ netuid: 1 }));
    expect(freshness).toMatchObject({ block: '10', blockHash: blockHashOf(10), stale: false, finalizedBlock: '10' });
    expect(metagraph).toMatchObject({
      netuid: 1,
      block: '10',
      n: 4,
      source: pb.MetagraphSource.METAGRAPH_SOURCE_RUNTIME_API,
    });
    expect(metagraph?.neurons).toHaveLength(4);
    expect(metagraph?.neurons[1]).toEqual({
      uid: 1,
      hotkey: fakeAddress('hot', 1),
      coldkey: fakeAddress('cold', 1),
      active: true,
      axon: { block: '11', version: 1, ip: '10.0.0.1', port: 8091, ipType: 4, protocol: 4, isServing: true },
      prometheus: { block: '0', version: 0, ip: '0.0.0.0', port: 0, ipType: 0 },
      stakeRao: '2000000123',
      stake: 2.000000123,
      alphaStake: 2.000000123,
      taoStake: 2.000000123 * 0.18,
      totalStake: 2.000000123,
      rank: 0,
      trust: 0,
      consensus: 1 / 65535,
      incentive: 0.25,
      dividends: 0.5,
      validatorTrust: 0.75,
      validatorPermit: false,
      emissionRao: '9000000000000000002',
      emission: 9_000_000_000 + 1 / 1e9,
      lastUpdate: '101',
      blockAtRegistration: '1',
      pruningScore: 0,
    });
    expect(metagraph?.hyperparameters).toMatchObject({
      tempo: 360,
      burnRao: '1000000000',
      maxDifficulty: '18446744073709551615',
      adjustmentAlpha: '17893341751498265066',
      liquidAlphaEnabled: false,
      alphaHigh: 58982,
    });
  });

  it('stores one snapshot per subnet in Redis, with its block, decodable to what the chain returned', async () => {
    await finalized(10);
    await finalized(11);
    const stored = await redisClient.get(snapshotKey(1));
    expect(stored).not.toBeNull();
    expect(decodeSnapshot(stored ?? '').metagraph).toEqual(buildMetagraph({ netuid: 1, block: 11 }));
    expect(await redisClient.keys('taonode:chain-sync:*')).toEqual([snapshotKey(1)]);
  });

  it('reads an older block, and an unfollowed subnet, through the chain', async () => {
    await finalized(10);
    const older = await firstValueFrom(service.client.getMetagraph({ netuid: 1, block: '7' }));
    expect(older.metagraph?.block).toBe('7');
    expect(older.freshness).toMatchObject({ block: '7', stale: false, finalizedBlock: '10' });
    const other = await firstValueFrom(service.client.getMetagraph({ netuid: 2 }));
    expect(other.metagraph).toMatchObject({ netuid: 2, n: 2, block: '10' });

    const ahead = await failureOf(firstValueFrom(service.client.getMetagraph({ netuid: 1, block: '11' })));
    expect([ahead.code, errorCode(ahead)]).toEqual([status.NOT_FOUND, 'TAONODE_CHAIN_SYNC_BLOCK_NOT_FINALIZED']);
    const missing = await failureOf(firstValueFrom(service.client.getMetagraph({ netuid: 9 })));
    expect([missing.code, errorCode(missing)]).toEqual([status.NOT_FOUND, 'TAONODE_CHAIN_SUBNET_NOT_FOUND']);
  });

  it('finds neurons by uid (0 included) and hotkey, and answers hyperparameters and the head', async () => {
    await finalized(10);
    const byUid = await firstValueFrom(service.client.getNeuron({ netuid: 1, uid: 0 }));
    expect(byUid.neuron).toMatchObject({ uid: 0, hotkey: fakeAddress('hot', 0) });
    const byHotkey = await firstValueFrom(service.client.getNeuron({ netuid: 1, hotkey: fakeAddress('hot', 3) }));
    expect(byHotkey.neuron?.uid).toBe(3);
    expect(byHotkey.freshness?.block).toBe('10');

    const absent = await failureOf(firstValueFrom(service.client.getNeuron({ netuid: 1, uid: 99 })));
    expect([absent.code, errorCode(absent)]).toEqual([status.NOT_FOUND, 'TAONODE_CHAIN_SYNC_NEURON_NOT_FOUND']);
    const neither = await failureOf(firstValueFrom(service.client.getNeuron({ netuid: 1 })));
    expect(neither.code).toBe(status.INVALID_ARGUMENT);

    const hyperparameters = await firstValueFrom(service.client.getHyperparameters({ netuid: 1 }));
    expect(hyperparameters.hyperparameters).toMatchObject({ tempo: 360, weightsRateLimit: '100' });

    const head = await firstValueFrom(service.client.getHead({}));
    expect(head).toMatchObject({ block: '10', blockHash: blockHashOf(10), connected: true, stale: false });
  });

  it('ends a call that outlives its deadline with DEADLINE_EXCEEDED', async () => {
    await finalized(10);
    const release = chain.holdReads();
    try {
      // Subnet 2 is not followed, so this read goes to the (held) chain.
      const call = firstValueFrom(service.client.getMetagraph({ netuid: 2 }, new Metadata(), callDeadline(200)));
      expect((await failureOf(call)).code).toBe(status.DEADLINE_EXCEEDED);
    } finally {
      release();
    }
  });

  it('refuses malformed requests with INVALID_ARGUMENT', async () => {
    const failure = await failureOf(firstValueFrom(service.client.getMetagraph({ netuid: 70_000 })));
    expect([failure.code, errorCode(failure)]).toEqual([status.INVALID_ARGUMENT, 'TAONODE_CHAIN_SYNC_INVALID_REQUEST']);
  });

  it('streams a full snapshot, then one per finalized block that changed the metagraph', async () => {
    // Block 12 registers a fifth neuron; 11 and 13 change nothing.
    chain.defineSubnet(1, (block) => buildMetagraph({ netuid: 1, block, n: block >= 12 ? 5 : 4 }));
    await finalized(10);
    const watcher = new StreamRecorder(service.client.watchMetagraph({ netuid: 1 }));
    const first = await watcher.nth(1);
    expect([first.metagraph?.block, first.metagraph?.n]).toEqual(['10', 4]);
    await finalized(11);
    await finalized(12);
    const second = await watcher.nth(2);
    expect([second.metagraph?.block, second.metagraph?.n]).toEqual(['12', 5]);
    expect(second.metagraph?.neurons[4]?.hotkey).toBe(fakeAddress('hot', 4));
    await finalized(13);
    // 14 changes again; nothing for 13 may have come before it.
    chain.defineSubnet(1, (block) => buildMetagraph({ netuid: 1, block, n: block >= 14 ? 6 : 5 }));
    await finalized(14);
    const third = await watcher.nth(3);
    expect(third.metagraph?.block).toBe('14');
    watcher.cancel();
  });

  it('refuses to watch a subnet it does not follow', async () => {
    const watcher = new StreamRecorder(service.client.watchMetagraph({ netuid: 2 }));
    await waitFor('stream end', () => (watcher.ended ? true : undefined));
    expect((watcher.error as GrpcFailure).code).toBe(status.FAILED_PRECONDITION);
  });

  it('survives a chain outage: stale answers, unhealthy, stream kept open, updates again after reconnecting', async () => {
    chain.defineSubnet(1, (block) => buildMetagraph({ netuid: 1, block, n: block >= 30 ? 5 : 4 }));
    await finalized(20);
    const watcher = new StreamRecorder(service.client.watchMetagraph({ netuid: 1 }));
    await watcher.nth(1);
    expect((await fetch(`${service.opsUrl}/health`)).status).toBe(200);

    chain.disconnect();
    // The finalized head stops moving: a whole health window passes without one.
    clock.advance(HEALTH_WINDOW_MS + 1);
    const during = await firstValueFrom(service.client.getMetagraph({ netuid: 1 }));
    expect(during.metagraph?.block).toBe('20');
    expect(during.freshness?.stale).toBe(true);
    await waitFor('health to fail', async () =>
      (await fetch(`${service.opsUrl}/health`)).status === 503 ? true : undefined,
    );
    const head = await firstValueFrom(service.client.getHead({}));
    expect(head).toMatchObject({ connected: false, stale: true, block: '20' });
    expect(watcher.ended).toBe(false);

    chain.connect(true);
    await finalized(30);
    const update = await watcher.nth(2);
    expect([update.metagraph?.block, update.metagraph?.n, update.freshness?.stale]).toEqual(['30', 5, false]);
    expect((await fetch(`${service.opsUrl}/health`)).status).toBe(200);
    const after = await firstValueFrom(service.client.getMetagraph({ netuid: 1 }));
    expect(after.freshness).toMatchObject({ block: '30', stale: false });
    const metrics = await (await fetch(`${service.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^taonode_chain_sync_reconnects_total\{service="chain-sync"\} 1$/m);
    expect(metrics).toMatch(/^taonode_chain_sync_finalized_block\{service="chain-sync"\} 30$/m);
    watcher.cancel();
  });

  it('shuts down promptly with a watcher connected, ending its stream', async () => {
    await finalized(10);
    const watcher = new StreamRecorder(service.client.watchMetagraph({ netuid: 1 }));
    await watcher.nth(1);
    await service.close();
    await waitFor('the watch stream to end', () => (watcher.ended ? true : undefined));
  });
});
