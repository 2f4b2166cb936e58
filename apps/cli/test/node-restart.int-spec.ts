import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Option, u16, Vec } from '@polkadot/types';
import type { Codec, ITuple } from '@polkadot/types/types';
import { Redis } from 'ioredis';
import { SUBTENSOR_SIGNED_EXTENSIONS } from '@taonode/chain';
import { isProcessGroupAlive } from '@taonode/process';
import { ScoreStore } from '@taonode/queue';
import { startDevnet, startRedisServer, waitFor, type LaunchedDevnet, type LaunchedRedis } from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { cleanEnv } from './cli-process.helper';
import { childGroups, killStartedNodes, startNodeProcess, stopNode, type NodeProcess } from './node-process.helper';

// Graceful restart of `taonode validator` on a subnet with hash commit-reveal: the weight-setter commits, the node is
// stopped with SIGTERM between the commit and its reveal window, and the restarted node reveals the commit from what
// the weight-setter kept in Redis. The test builds the blocks (a --manual devnet): none while the node is down, so
// the reveal window cannot pass during a slow restart, and never a wait for a block nobody builds.
jest.setTimeout(600_000);

const NETUID = 1;
/** An epoch every TEMPO + 1 blocks; the reveal window is the epoch after the commit's. */
const TEMPO = 30;
/** Pause between blocks while the node runs: room for chain-sync and the weight-setter to follow each block. */
const BLOCK_PAUSE_MS = 400;
const NODE_RUNNING_WITHIN_MS = 300_000;
const validatorKey = Keypair.fromUri('//Alice//validator');
const MINERS = ['//Bob//m0', '//Bob//m1'];

const genesis = {
  sudo: '//Alice',
  balances: [
    ['//Alice', '1000000000000000'],
    ['//Bob', '1000000000000'],
  ],
  subtensor: {
    subnets: [
      {
        netuid: NETUID,
        ownerColdkey: '//Alice',
        ownerHotkey: '//Alice//hot',
        hyperparameters: {
          tempo: TEMPO,
          weightsSetRateLimit: 0,
          commitRevealWeightsEnabled: true,
          revealPeriodEpochs: 1,
        },
        neurons: [
          { hotkey: '//Alice//validator', coldkey: '//Alice', stake: '1000000000000', validatorPermit: true },
          ...MINERS.map((hotkey) => ({ hotkey, coldkey: '//Bob' })),
        ],
      },
    ],
  },
};

/** Where the weight-setter keeps pending reveals (apps/weight-setter ledger; one hash field per commit). */
const REVEALS_KEY = `taonode:weight-setter:{${NETUID}:${validatorKey.ss58Address}}:reveals`;

describe('taonode validator: SIGTERM and restart between a hash commit and its reveal', () => {
  let devnet: LaunchedDevnet;
  let redisServer: LaunchedRedis;
  let redis: Redis;
  let api: ApiPromise;
  let home: string;
  let env: NodeJS.ProcessEnv;
  /** Builds blocks in the background while set. */
  let building: Promise<void> | undefined;
  let keepBuilding = false;

  const startBuilding = (): void => {
    keepBuilding = true;
    building = (async () => {
      while (keepBuilding) {
        await devnet.newBlock();
        await new Promise((resolve) => setTimeout(resolve, BLOCK_PAUSE_MS));
      }
    })();
  };
  const stopBuilding = async (): Promise<void> => {
    keepBuilding = false;
    await building;
  };
  const chainCommits = async (): Promise<string[]> => {
    const stored = (await api.query.subtensorModule?.weightCommits?.(NETUID, validatorKey.ss58Address)) as Option<
      Vec<ITuple<[Codec, Codec, Codec, Codec]>>
    >;
    return stored.isSome ? stored.unwrap().map(([hash]) => hash.toHex()) : [];
  };
  const chainWeights = async (): Promise<[number, number][]> => {
    const uid = ((await api.query.subtensorModule?.uids?.(NETUID, validatorKey.ss58Address)) as Option<u16>)
      .unwrap()
      .toNumber();
    const row = (await api.query.subtensorModule?.weights?.(NETUID, uid)) as Vec<ITuple<[u16, u16]>>;
    return row.map(([target, value]) => [target.toNumber(), value.toNumber()]);
  };
  const startValidator = (): NodeProcess =>
    startNodeProcess(
      [
        'validator',
        '--netuid',
        String(NETUID),
        '--subtensor.chain_endpoint',
        devnet.url,
        '--wallet.path',
        path.join(home, 'wallets'),
        '--wallet.name',
        'validator',
        '--wallet.hotkey',
        'default',
      ],
      env,
    );

  beforeAll(async () => {
    [devnet, redisServer] = await Promise.all([startDevnet({ manual: true, genesis }), startRedisServer()]);
    redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
    api = await ApiPromise.create({
      provider: new WsProvider(devnet.url),
      signedExtensions: SUBTENSOR_SIGNED_EXTENSIONS,
      noInitWarn: true,
    });
    home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-node-restart-'));
    const wallet = new Wallet({ name: 'validator', hotkey: 'default', path: path.join(home, 'wallets') });
    await wallet.writeColdkey(Keypair.fromUri('//Alice'), { password: 'never-asked-for' });
    await wallet.writeHotkey(validatorKey);
    env = { ...cleanEnv(home), REDIS_URL: redisServer.url };
  }, 180_000);

  afterAll(async () => {
    await stopBuilding();
    await killStartedNodes();
    redis?.disconnect();
    await api?.disconnect();
    await devnet?.stop();
    await redisServer?.stop();
    if (home !== undefined) {
      await fs.rm(home, { recursive: true, force: true });
    }
  });

  it('the restarted node reveals the commit the stopped one made', async () => {
    // The scorer's moving averages, as a previous round left them (no miner serves an axon on this subnet).
    const miners = MINERS.map((uri) => Keypair.fromUri(uri).ss58Address);
    const uids = await Promise.all(
      miners.map(async (hotkey) =>
        ((await api.query.subtensorModule?.uids?.(NETUID, hotkey)) as Option<u16>).unwrap().toNumber(),
      ),
    );
    await new ScoreStore(redis).applyRewards(
      NETUID,
      1,
      miners.map((hotkey, index) => ({ uid: uids[index] ?? -1, hotkey, reward: index === 0 ? 1 : 0.5 })),
    );

    const first = startValidator();
    await waitFor('the validator to run', () => first.opsUrls(), NODE_RUNNING_WITHIN_MS);
    expect(first.lines.join('\n')).toMatch(/commit-reveal enabled: the weight-setter commits, then reveals/u);
    startBuilding();
    const [commitHash] = await waitFor(
      'a hash commit on chain and its pending reveal in Redis',
      async () => {
        const [onChain, pending] = [await chainCommits(), await redis.hkeys(REVEALS_KEY)];
        return onChain.length > 0 && pending.length > 0 ? onChain : undefined;
      },
      NODE_RUNNING_WITHIN_MS,
      100,
    );
    // No block while the node is down or starting: the reveal window cannot pass during the restart.
    await stopBuilding();
    expect(await chainWeights()).toEqual([]);

    const groups = childGroups(first);
    expect(await stopNode(first, 'SIGTERM')).toBe(0);
    expect(first.lines).toContain('taonode validator: stopped');
    await waitFor(
      'the stopped services to be gone',
      () => (groups.some(isProcessGroupAlive) ? undefined : true),
      60_000,
    );
    expect(await redis.hkeys(REVEALS_KEY)).toEqual([commitHash]);
    expect(await chainCommits()).toEqual([commitHash]);

    const second = startValidator();
    await waitFor('the restarted validator to run', () => second.opsUrls(), NODE_RUNNING_WITHIN_MS);
    startBuilding();
    const weights = await waitFor(
      'the reveal of the commit made before the restart',
      async () => {
        const stored = await chainWeights();
        return stored.length > 0 ? stored : undefined;
      },
      NODE_RUNNING_WITHIN_MS,
      200,
    );
    await stopBuilding();
    expect(weights.map(([uid]) => uid).sort()).toEqual([...uids].sort());
    expect(await chainCommits()).not.toContain(commitHash);
    expect(await redis.hkeys(REVEALS_KEY)).toEqual([]);
    expect(await stopNode(second, 'SIGTERM')).toBe(0);
  });
});
