import type { Option, u16, u64, Vec } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';
import { Redis } from 'ioredis';
import {
  bestBlock,
  ChainClient,
  DIRECT_WEIGHTS_STRATEGY,
  ExtrinsicSubmitter,
  preflightWeights,
  readWeightsActivity,
  TIMELOCKED_WEIGHTS_STRATEGY,
  type WeightsOutcome,
} from '@taonode/chain';
import { ScoreStore } from '@taonode/queue';
import {
  aliceOwnedGenesis,
  aliceStakedNeuron,
  mineUntilSettled,
  startDevnet,
  startRedisServer,
  type LaunchedDevnet,
  type LaunchedRedis,
} from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { ChainWeightsAdapter } from '../src/chain/chain-weights.adapter';
import { LeaderLockRepository, leaderLockKey } from '../src/leader/leader-lock.repository';
import { WeightsLedgerRepository } from '../src/ledger/weights-ledger.repository';
import { ScoreRepository } from '../src/scores/score.repository';
import { WeightSetterEngine, type StepReport, type WeightsMetricsSink } from '../src/weights/weight-setter.engine';

const validator = Keypair.fromUri('//Alice//validator');
const MINERS = ['//Bob//m0', '//Bob//m1', '//Bob//m2'];
const MINER_HOTKEYS = MINERS.map((uri) => Keypair.fromUri(uri).ss58Address);
const DIRECT = 1;
const COMMIT_REVEAL = 2;
const RATE_LIMIT = 10;
const CR_TEMPO = 20;

const genesis = aliceOwnedGenesis({
  balances: [['//Alice//validator', '1000000000000']],
  subnets: [
    { netuid: DIRECT, hyperparameters: { weightsSetRateLimit: RATE_LIMIT, tempo: 360 } },
    { netuid: COMMIT_REVEAL, hyperparameters: { weightsSetRateLimit: 0, tempo: CR_TEMPO, revealPeriodEpochs: 1 } },
  ].map((subnet) => ({
    ...subnet,
    neurons: [aliceStakedNeuron('//Alice//validator'), ...MINERS.map((hotkey) => ({ hotkey, coldkey: '//Bob' }))],
  })),
});

/** Counts outcomes like the metrics repository would. */
class RecordingMetrics implements WeightsMetricsSink {
  readonly attempts: string[] = [];
  attempted(action: string, outcome: string): void {
    this.attempts.push(`${action}:${outcome}`);
  }
  blocksSinceLastSet(): void {}
  leadership(): void {}
  pendingReveals(): void {}
}

const QUIET = { log: () => undefined, warn: () => undefined };

describe('weight-setter against the devnet and a real Redis', () => {
  let devnet: LaunchedDevnet;
  let redisServer: LaunchedRedis;
  let redis: Redis;
  let client: ChainClient;
  /** Hotkey by uid of each subnet, as registered at genesis (the owner's hotkey may hold uid 0). */
  const hotkeys = new Map<number, string[]>();

  beforeAll(async () => {
    [devnet, redisServer] = await Promise.all([startDevnet({ manual: true, genesis }), startRedisServer()]);
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    client = await ChainClient.connect({ chainEndpoint: devnet.url, callTimeoutMs: 10_000 });
    await devnet.newBlock(2);
    const scores = new ScoreStore(redis);
    for (const netuid of [DIRECT, COMMIT_REVEAL]) {
      const keys = await client.api.query.subtensorModule?.keys?.entries(netuid);
      const byUid: string[] = [];
      for (const [key, hotkey] of keys ?? []) {
        byUid[Number(key.args[1]?.toString())] = hotkey.toString();
      }
      hotkeys.set(netuid, byUid);
      const uidOf = (hotkey: string): number => byUid.indexOf(hotkey);
      await scores.applyRewards(
        netuid,
        1,
        MINER_HOTKEYS.map((hotkey, index) => ({ uid: uidOf(hotkey), hotkey, reward: [1, 0.5, 0][index] ?? 0 })),
      );
    }
  }, 120_000);

  afterAll(async () => {
    redis?.disconnect();
    await client?.disconnect();
    await devnet?.stop();
    await redisServer?.stop();
  });

  function adapter(attemptTimeoutMs = 60_000): ChainWeightsAdapter {
    return new ChainWeightsAdapter(client, validator, {
      attemptTimeoutMs,
      inclusionTimeoutMs: attemptTimeoutMs,
      excludeQuantile: 0,
    });
  }

  /** A weight-setter process: a fresh engine (no memory) over the shared Redis and chain. */
  function engine(netuid: number, metrics = new RecordingMetrics(), chain = adapter()): WeightSetterEngine {
    return new WeightSetterEngine(
      { netuid, dryRun: false, minIntervalBlocks: 0 },
      chain,
      new WeightsLedgerRepository(redis, netuid, validator.ss58Address),
      new ScoreRepository(redis),
      new LeaderLockRepository(redis, leaderLockKey(netuid, `${validator.ss58Address}:${Math.random()}`), 30_000),
      metrics,
      QUIET,
    );
  }

  function hotkeysOf(netuid: number): string[] {
    return hotkeys.get(netuid) ?? [];
  }

  function uidOf(netuid: number, hotkey: string): number {
    return hotkeysOf(netuid).indexOf(hotkey);
  }

  /** The miners' uids in the order of MINERS (rewards 1, 0.5, 0). */
  function minerUids(netuid: number): number[] {
    return MINER_HOTKEYS.map((hotkey) => uidOf(netuid, hotkey));
  }

  async function lastUpdateOf(netuid: number): Promise<number> {
    return (await readWeightsActivity(client, netuid, uidOf(netuid, validator.ss58Address), validator.ss58Address))
      .lastUpdate;
  }

  async function head(): Promise<number> {
    return (await client.call('head', (api) => bestBlock(api))).number;
  }

  async function step(target: WeightSetterEngine, netuid: number): Promise<StepReport> {
    const block = await head();
    const tempo = netuid === COMMIT_REVEAL ? CR_TEMPO : 360;
    return mineUntilSettled(devnet, target.step({ netuid, block, hotkeys: hotkeysOf(netuid), tempo }));
  }

  function outcomesOf(report: StepReport): WeightsOutcome['kind'][] {
    return report.role === 'leader' ? report.outcomes.map((outcome) => outcome.kind) : [];
  }

  async function storedWeights(netuid: number): Promise<[number, number][]> {
    const row = (await client.api.query.subtensorModule?.weights?.(
      netuid,
      uidOf(netuid, validator.ss58Address),
    )) as Vec<ITuple<[u16, u16]>>;
    return row.map(([uid, value]) => [uid.toNumber(), value.toNumber()]);
  }

  /** Builds blocks until the next one may carry weights from our uid (rate limit elapsed, SDK rule). */
  async function openWindow(netuid: number): Promise<void> {
    const block = await head();
    const lastUpdate = await lastUpdateOf(netuid);
    if (lastUpdate + RATE_LIMIT + 1 > block) {
      await devnet.newBlock(lastUpdate + RATE_LIMIT + 1 - block);
    }
  }

  async function accountNonce(): Promise<number> {
    return (await client.api.rpc.system.accountNextIndex(validator.ss58Address)).toNumber();
  }

  it("sets the scorer's weights directly, processed and converted as the SDK does", async () => {
    await openWindow(DIRECT);
    const report = await step(engine(DIRECT), DIRECT);
    expect(outcomesOf(report)).toEqual(['set']);
    // Scores 1, 0.5, 0 → u16 max-upscaled, zero dropped.
    const [best, middle] = minerUids(DIRECT);
    expect(await storedWeights(DIRECT)).toEqual(
      [
        [best, 65535],
        [middle, 32768],
      ].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
    );
    expect(await new WeightsLedgerRepository(redis, DIRECT, validator.ss58Address).readIntent()).toBeNull();
  });

  it('reports too-soon, with the block it becomes possible, when rate-limited (a restarted process does not resubmit)', async () => {
    const nonceBefore = await accountNonce();
    const report = await step(engine(DIRECT), DIRECT);
    const [outcome] = report.role === 'leader' ? report.outcomes : [];
    expect(outcome?.kind).toBe('too-soon');
    expect(outcome?.kind === 'too-soon' && outcome.possibleAtBlock).toBe((await lastUpdateOf(DIRECT)) + RATE_LIMIT + 1);
    expect(await accountNonce()).toBe(nonceBefore);
  });

  it('killed after submitting and before recording: reconciles with LastUpdate and does not submit again', async () => {
    // The rate-limit window is open again; a process records its intent, submits, and dies before recording.
    await openWindow(DIRECT);
    const ledger = new WeightsLedgerRepository(redis, DIRECT, validator.ss58Address);
    const dying = adapter();
    const attempt = await mineUntilSettled(
      devnet,
      dying.submit(
        DIRECT,
        { uids: minerUids(DIRECT).slice(0, 2), scores: [0.2, 1] },
        {
          dryRun: false,
          hooks: { beforeSubmit: (intent) => ledger.saveIntent(intent) },
        },
      ),
    );
    expect(attempt.outcome.kind).toBe('set');
    expect(await ledger.readIntent()).not.toBeNull();
    const nonceAfterCrash = await accountNonce();

    const metrics = new RecordingMetrics();
    const report = await step(engine(DIRECT, metrics), DIRECT);
    expect(await ledger.readIntent()).toBeNull();
    expect(outcomesOf(report)).not.toContain('set');
    expect(await accountNonce()).toBe(nonceAfterCrash);
    const [first, second] = minerUids(DIRECT);
    expect(await storedWeights(DIRECT)).toEqual(
      [
        [first, 13107],
        [second, 65535],
      ].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
    );
  });

  it('with hash commit-reveal turned on by sudo: commits, and after a restart between commit and reveal the reveal lands in its epoch', async () => {
    const submitter = new ExtrinsicSubmitter(client);
    const sudo = Keypair.fromUri('//Alice');
    const toggle = client.api.tx.sudo?.sudo?.(
      client.api.tx.adminUtils?.sudoSetCommitRevealWeightsEnabled?.(COMMIT_REVEAL, true),
    );
    if (toggle === undefined) {
      throw new Error('the devnet has no sudo / adminUtils call');
    }
    await mineUntilSettled(devnet, submitter.submit(toggle, sudo));

    const first = engine(COMMIT_REVEAL);
    const committed = await step(first, COMMIT_REVEAL);
    expect(outcomesOf(committed)).toEqual(['committed']);
    const ledger = new WeightsLedgerRepository(redis, COMMIT_REVEAL, validator.ss58Address);
    const [pending] = await ledger.pendingReveals();
    expect(pending?.commitBlock).toBeDefined();
    const stored = (await client.api.query.subtensorModule?.weightCommits?.(
      COMMIT_REVEAL,
      validator.ss58Address,
    )) as Option<Vec<ITuple<[H256, u64, u64, u64]>>>;
    expect(stored.unwrap().map(([hash]) => hash.toHex())).toContain(pending?.commitHash);

    // The first process is gone; a new one, with only Redis, reveals when the window opens.
    const restarted = engine(COMMIT_REVEAL);
    const revealed: WeightsOutcome['kind'][] = [];
    for (let attempt = 0; attempt < 3 * (CR_TEMPO + 1) && !revealed.includes('revealed'); attempt += 1) {
      revealed.push(...outcomesOf(await step(restarted, COMMIT_REVEAL)).filter((kind) => kind !== 'too-soon'));
      await devnet.newBlock();
    }
    expect(revealed).toContain('revealed');
    expect((await ledger.pendingReveals()).map((reveal) => reveal.commitHash)).not.toContain(pending?.commitHash);
    const [best, middle] = minerUids(COMMIT_REVEAL);
    expect(await storedWeights(COMMIT_REVEAL)).toEqual(
      [
        [best, 65535],
        [middle, 32768],
      ].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
    );
  });

  it('reports commit-reveal-required (no transaction) when the path the subnet needs is not offered', async () => {
    const nonceBefore = await accountNonce();
    const chain = new ChainWeightsAdapter(client, validator, {
      attemptTimeoutMs: 60_000,
      inclusionTimeoutMs: 60_000,
      excludeQuantile: 0,
      strategies: { direct: DIRECT_WEIGHTS_STRATEGY },
    });
    const attempt = await chain.submit(
      COMMIT_REVEAL,
      { uids: minerUids(COMMIT_REVEAL), scores: [1, 0.5, 0] },
      {
        dryRun: false,
        hooks: { beforeSubmit: () => Promise.resolve() },
      },
    );
    expect(attempt.outcome).toMatchObject({ kind: 'commit-reveal-required', path: 'hash-commit-reveal' });
    expect(await accountNonce()).toBe(nonceBefore);
  });

  it('the timelocked strategy commits through libs/chain timelock (the chain reveals by itself)', async () => {
    const preflight = await preflightWeights(client, COMMIT_REVEAL, validator.ss58Address);
    const outcome = await mineUntilSettled(
      devnet,
      TIMELOCKED_WEIGHTS_STRATEGY.submit(
        { client, submitter: new ExtrinsicSubmitter(client), hotkey: validator },
        {
          netuid: COMMIT_REVEAL,
          mechanismId: 0,
          weights: { uids: minerUids(COMMIT_REVEAL).slice(0, 2), values: [65535, 32768] },
          versionKey: preflight.weightsVersionKey,
          preflight,
        },
        { beforeSubmit: () => Promise.resolve() },
      ),
    );
    expect(outcome.kind).toBe('timelocked-committed');
    expect(outcome.kind === 'timelocked-committed' && outcome.revealRound).toBeGreaterThan(0);
  });

  it('a second instance waits while the first holds the leader lock', async () => {
    const key = leaderLockKey(DIRECT, validator.ss58Address);
    const first = new LeaderLockRepository(redis, key, 30_000);
    const second = new LeaderLockRepository(redis, key, 30_000);
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    expect(await first.renew()).toBe(true);
    await first.release();
    expect(await second.acquire()).toBe(true);
    await second.release();
  });

  it('the chain disconnected during a submission: a typed timeout, then a clean retry', async () => {
    const metrics = new RecordingMetrics();
    const target = engine(DIRECT, metrics, adapter(4_000));
    await openWindow(DIRECT);
    // No block is built while the submission waits; the chain dies under it.
    const pending = target.step({ netuid: DIRECT, block: await head(), hotkeys: hotkeysOf(DIRECT), tempo: 360 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await devnet.kill();
    const report = await pending;
    expect(outcomesOf(report)).toEqual(['timeout']);

    // The chain comes back (fresh, from genesis): the intent is reconciled (never landed) and weights go out again.
    await devnet.restart();
    await client.whenConnected(60_000);
    await openWindow(DIRECT);
    const retried = await step(target, DIRECT);
    expect(outcomesOf(retried)).toEqual(['set']);
    expect(metrics.attempts).toEqual(['set:timeout', 'set:set']);
  });
});
