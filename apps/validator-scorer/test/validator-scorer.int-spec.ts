/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { freePort } from '@taonode/process';
import { ScoreStore } from '@taonode/queue';
import { startService } from '@taonode/service';
import {
  type AppProcess,
  type FakeMetagraphServer,
  type FakeNeuronInput,
  type LaunchedRedis,
  startAppProcess,
  startFakeMetagraphServer,
  startRedisServer,
  waitFor,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { AppModule } from '../src/app.module';
import { RoundSchedulerService } from '../src/schedule/round-scheduler.service';
import { startTestAxon, type TestAxon } from './support/test-axon';

const NETUID = 1;
const TAO = 1_000_000_000n;

async function writeHotkey(walletPath: string, name: string, uri: string): Promise<string> {
  const key = Keypair.fromUri(uri);
  await new Wallet({ name, hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(key);
  return key.ss58Address;
}

function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  return waitFor(what, probe, 120_000, 100);
}

/**
 * The validator against four kinds of miner: our own miner path (axon-gateway + inference-worker processes), one
 * that answers correctly but late, one that answers garbage, and a uid with no axon. Real Redis, real gRPC
 * (a stand-in chain-sync), real HTTP, the real model.
 */
describe('validator-scorer end to end', () => {
  const walletPath = mkdtempSync(join(tmpdir(), 'taonode-scorer-wallets-'));
  const modelRepository = mkdtempSync(join(tmpdir(), 'taonode-scorer-models-'));
  const redisData = mkdtempSync(join(tmpdir(), 'taonode-scorer-redis-'));
  let redis: LaunchedRedis;
  let metagraph: FakeMetagraphServer;
  let worker: AppProcess;
  let gateway: AppProcess;
  let slow: TestAxon;
  let garbage: TestAxon;
  let scorer: INestApplicationContext;
  let client: Redis;
  let neurons: FakeNeuronInput[];

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: true, directory: redisData });
    client = new Redis(redis.url);
    const validator = await writeHotkey(walletPath, 'validator', '//Alice');
    const honest = await writeHotkey(walletPath, 'miner', '//Bob');
    [slow, garbage] = await Promise.all([
      startTestAxon({ kind: 'slow', delayMs: 4_000 }, modelRepository),
      startTestAxon({ kind: 'garbage' }, modelRepository),
    ]);
    const gatewayPort = await freePort();
    neurons = [
      { hotkey: validator, stakeRao: 1_000n * TAO, validatorPermit: true },
      { hotkey: honest, axon: { ip: '127.0.0.1', port: gatewayPort } },
      { hotkey: Keypair.fromUri('//Charlie').ss58Address, axon: { ip: '127.0.0.1', port: slow.port } },
      { hotkey: Keypair.fromUri('//Dave').ss58Address, axon: { ip: '127.0.0.1', port: garbage.port } },
      { hotkey: Keypair.fromUri('//Eve').ss58Address },
    ];
    metagraph = await startFakeMetagraphServer(NETUID, neurons, { block: 100 });
    const common = { REDIS_URL: redis.url, METAGRAPH_GRPC_URL: metagraph.url, NETUID: String(NETUID) };
    worker = await startAppProcess('inference-worker', { ...common, INFERENCE_MODEL_REPOSITORY: modelRepository });
    gateway = await startAppProcess('axon-gateway', {
      ...common,
      WALLET_PATH: walletPath,
      WALLET_NAME: 'miner',
      WALLET_HOTKEY: 'default',
      AXON_HOST: '127.0.0.1',
      AXON_PORT: String(gatewayPort),
    });
    scorer = await NestFactory.createApplicationContext(
      AppModule.forRoot({
        env: {
          ...common,
          NODE_ENV: 'production',
          LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
          OPS_HOST: '127.0.0.1',
          OPS_PORT: '0',
          WALLET_PATH: walletPath,
          WALLET_NAME: 'validator',
          WALLET_HOTKEY: 'default',
          SCORER_ROUND_INTERVAL_BLOCKS: '1',
          SCORER_MOVING_AVERAGE_ALPHA: '0.5',
        },
      }),
      { bufferLogs: true },
    );
    await startService(scorer, () => Promise.resolve());
  }, 300_000);

  afterAll(async () => {
    await scorer?.close();
    await Promise.all([gateway?.stop(), worker?.stop(), slow?.close(), garbage?.close(), metagraph?.stop()]);
    client?.disconnect();
    await redis?.stop();
    rmSync(walletPath, { recursive: true, force: true });
    rmSync(modelRepository, { recursive: true, force: true });
    rmSync(redisData, { recursive: true, force: true });
  }, 60_000);

  it('ranks our honest miner above the slow one above the one answering garbage, round after round', async () => {
    const scheduler = scorer.get(RoundSchedulerService);
    await until('the first round', () => (scheduler.lastCompletedRound === 100 ? true : undefined));
    metagraph.publish(101, neurons);
    await until('the second round', () => (scheduler.lastCompletedRound === 101 ? true : undefined));

    const scores = new Map((await new ScoreStore(client).read(NETUID)).map((entry) => [entry.uid, entry]));
    const score = (uid: number): number => scores.get(uid)?.score ?? Number.NaN;
    expect(score(1)).toBeGreaterThan(score(2));
    expect(score(2)).toBeGreaterThan(score(3));
    expect(score(3)).toBe(0);
    // Two rounds of full marks with alpha 0.5 → 0.75 at most; the honest miner is close to it.
    expect(score(1)).toBeGreaterThan(0.6);
    expect(scores.get(1)?.hotkey).toBe(neurons[1]?.hotkey);
    // The validator itself and a uid without an axon are never queried, so never scored.
    expect(scores.has(0)).toBe(false);
    expect(scores.has(4)).toBe(false);
  }, 240_000);

  it('restarts a uid from zero when another hotkey takes it', async () => {
    const scheduler = scorer.get(RoundSchedulerService);
    const replaced = [...neurons];
    // uid 1 had a high score; its new owner answers nothing valid at that address (the axon there signs as Bob),
    // so without the reset it would keep half its old score after this round.
    replaced[1] = { hotkey: Keypair.fromUri('//Ferdie').ss58Address, axon: neurons[1]?.axon };
    metagraph.publish(102, replaced);
    await until('the third round', () => (scheduler.lastCompletedRound === 102 ? true : undefined));
    const entry = (await new ScoreStore(client).read(NETUID)).find((candidate) => candidate.uid === 1);
    expect(entry?.hotkey).toBe(replaced[1]?.hotkey);
    expect(entry?.score).toBe(0);
  }, 120_000);

  it('loses no score when Redis restarts between rounds, and the next round runs once it is back', async () => {
    const scheduler = scorer.get(RoundSchedulerService);
    const before = await new ScoreStore(client).read(NETUID);
    expect(before.length).toBeGreaterThan(0);

    const port = redis.port;
    await redis.stop();
    redis = await startRedisServer({ appendOnly: true, directory: redisData, port });
    const after = await until('redis back', async () => {
      try {
        return await new ScoreStore(client).read(NETUID);
      } catch {
        return undefined;
      }
    });
    expect(after).toEqual(before);

    // Every service reconnects by itself: a round with every reference answered completes on the next block.
    let block = 103;
    await until('a full round after the restart', () => {
      const report = scheduler.lastRound;
      if (report !== undefined && report.block === block && report.missingReferences.length === 0) {
        return true;
      }
      if (report !== undefined && report.block === block) {
        block += 1;
      }
      if (scheduler.lastCompletedRound !== block) {
        metagraph.publish(block, neurons);
      }
      return undefined;
    });
  }, 240_000);
});
