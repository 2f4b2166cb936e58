import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { u16, Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import { Redis } from 'ioredis';
import { bestBlock, ChainClient, readUid } from '@taonode/chain';
import { ScoreStore } from '@taonode/queue';
import {
  aliceOwnedGenesis,
  aliceStakedNeuron,
  freePort,
  startAppProcess,
  startDevnet,
  startRedisServer,
  waitFor,
  type AppProcess,
  type LaunchedDevnet,
  type LaunchedRedis,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';

export const NETUID = 1;
const VALIDATOR = Keypair.fromUri('//Alice//validator');
const MINER_URIS = ['//Bob//m0', '//Bob//m1'];
const MINERS = MINER_URIS.map((uri) => Keypair.fromUri(uri).ss58Address);
/** The scorer's rewards, one a miner: the first miner gets the most, so its weight is the u16 maximum. */
const REWARDS = [1, 0.25];
/** REWARDS as the SDK processes them: scaled so the largest is 65535 (0.25 × 65535 rounds to 16384). */
const EXPECTED_U16_WEIGHTS = [65535, 16384];
/** Generous: the box is shared and both services start from their TypeScript sources. */
const SERVICE_READY_TIMEOUT_MS = 180_000;
const WEIGHTS_TIMEOUT_MS = 120_000;
const POLL_MS = 500;

export interface WeightSetterStackOptions {
  /** The subnet's genesis hyperparameters (netuid {@link NETUID}: the validator and two miners registered). */
  readonly hyperparameters: Readonly<Record<string, unknown>>;
  /** The devnet's metadata file; its own spec-233 metadata when absent. */
  readonly metadata?: string;
}

/** Rows of `SubtensorModule::Weights` for one validator: `[uid, u16 weight]`. */
export type WeightRow = [number, number];

export interface WeightSetterStack {
  /**
   * Writes the scorer's rewards for the miners into Redis, as the validator-scorer would, and resolves with the
   * weights the weight-setter must put on chain for them, sorted by uid.
   */
  scoreMiners(): Promise<WeightRow[]>;
  /** Starts chain-sync and the weight-setter as processes (`bin/run-app.js`), each once `/ready`. */
  startServices(): Promise<void>;
  /** Waits until the validator's weights row on chain is not empty and resolves with it. */
  weightsOnChain(): Promise<WeightRow[]>;
  /**
   * The weight-setter's `/metrics` text once it matches `pattern`. Waited for: the setter counts an outcome when it
   * has read the extrinsic's events, which can come after a chain reader already sees the weights.
   */
  setterMetricsMatching(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

function genesisWith(hyperparameters: Readonly<Record<string, unknown>>): object {
  return aliceOwnedGenesis({
    balances: [['//Alice//validator', '1000000000000']],
    subnets: [
      {
        netuid: NETUID,
        hyperparameters,
        neurons: [
          aliceStakedNeuron('//Alice//validator'),
          ...MINER_URIS.map((hotkey) => ({ hotkey, coldkey: '//Bob' })),
        ],
      },
    ],
  });
}

/**
 * The weight-setter as it runs in production: a devnet producing blocks on its own, a private redis-server, a
 * validator wallet on disk, and (on {@link WeightSetterStack.startServices}) chain-sync and the weight-setter as
 * processes. What started is stopped again when a later part fails to start.
 */
export async function startWeightSetterStack(options: WeightSetterStackOptions): Promise<WeightSetterStack> {
  const teardown: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    // Last started first: the services before the chain and Redis they use.
    for (const step of teardown.splice(0).reverse()) {
      await step();
    }
  };
  try {
    const launches = await Promise.allSettled([
      startDevnet({
        manual: false,
        blockTimeMs: 500,
        genesis: genesisWith(options.hyperparameters),
        metadata: options.metadata,
      }),
      startRedisServer(),
    ]);
    for (const launch of launches) {
      if (launch.status === 'fulfilled') {
        teardown.push(() => launch.value.stop());
      }
    }
    const [devnet, redisServer] = launches;
    if (devnet.status === 'rejected') {
      throw devnet.reason;
    }
    if (redisServer.status === 'rejected') {
      throw redisServer.reason;
    }
    return await assemble(devnet.value, redisServer.value, teardown, stop);
  } catch (error) {
    await stop();
    throw error;
  }
}

async function assemble(
  devnet: LaunchedDevnet,
  redisServer: LaunchedRedis,
  teardown: (() => Promise<void>)[],
  stop: () => Promise<void>,
): Promise<WeightSetterStack> {
  const home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-weight-setter-'));
  teardown.push(() => fs.rm(home, { recursive: true, force: true }));
  await new Wallet({ name: 'validator', hotkey: 'default', path: home }).writeHotkey(VALIDATOR);
  const redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
  teardown.push(() => Promise.resolve(redis.disconnect()));
  const client = await ChainClient.connect({ chainEndpoint: devnet.url });
  teardown.push(() => client.disconnect());
  let setter: AppProcess | undefined;

  const uidOf = async (hotkey: string): Promise<number> => {
    const uid = await client.call('uid', async (api) => readUid(api, (await bestBlock(api)).hash, NETUID, hotkey));
    if (uid === undefined) {
      throw new Error(`${hotkey} not registered`);
    }
    return uid;
  };

  return {
    scoreMiners: async () => {
      const uids = await Promise.all(MINERS.map(uidOf));
      await new ScoreStore(redis).applyRewards(
        NETUID,
        1,
        MINERS.map((hotkey, index) => ({ uid: uids[index] ?? -1, hotkey, reward: REWARDS[index] ?? 0 })),
      );
      return uids.map((uid, index): WeightRow => [uid, EXPECTED_U16_WEIGHTS[index] ?? 0]).sort((a, b) => a[0] - b[0]);
    },
    startServices: async () => {
      const grpcPort = await freePort();
      const common = { REDIS_URL: redisServer.url, SUBTENSOR_CHAIN_ENDPOINT: devnet.url, LOG_LEVEL: 'warn' };
      const chainSync = await startAppProcess(
        'chain-sync',
        {
          ...common,
          NETUIDS: String(NETUID),
          GRPC_HOST: '127.0.0.1',
          GRPC_PORT: String(grpcPort),
          CHAIN_SYNC_BLOCK_TIME_MS: '500',
          CHAIN_SYNC_METAGRAPH_SOURCE: 'storage',
        },
        { readyTimeoutMs: SERVICE_READY_TIMEOUT_MS },
      );
      teardown.push(() => chainSync.stop());
      const weightSetter = await startAppProcess(
        'weight-setter',
        {
          ...common,
          NETUID: String(NETUID),
          WALLET_PATH: home,
          WALLET_NAME: 'validator',
          WALLET_HOTKEY: 'default',
          METAGRAPH_GRPC_URL: `127.0.0.1:${grpcPort}`,
        },
        { readyTimeoutMs: SERVICE_READY_TIMEOUT_MS },
      );
      teardown.push(() => weightSetter.stop());
      setter = weightSetter;
    },
    weightsOnChain: async () => {
      const validatorUid = await uidOf(VALIDATOR.ss58Address);
      return waitFor(
        `the weights of uid ${validatorUid} on chain`,
        async () => {
          const row = (await client.api.query.subtensorModule?.weights?.(NETUID, validatorUid)) as Vec<
            ITuple<[u16, u16]>
          >;
          const rows = row.map(([uid, value]): WeightRow => [uid.toNumber(), value.toNumber()]);
          return rows.length > 0 ? rows : undefined;
        },
        WEIGHTS_TIMEOUT_MS,
        POLL_MS,
      );
    },
    setterMetricsMatching: async (pattern, timeoutMs = WEIGHTS_TIMEOUT_MS) => {
      const started = setter;
      if (started === undefined) {
        throw new Error('the weight-setter is not started (startServices)');
      }
      return waitFor(
        `weight-setter metrics matching ${pattern.source}`,
        async () => {
          const text = await (await fetch(`${started.opsUrl}/metrics`)).text();
          return pattern.test(text) ? text : undefined;
        },
        timeoutMs,
        POLL_MS,
      );
    },
    stop,
  };
}
