import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { u16, Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import { Redis } from 'ioredis';
import { bestBlock, ChainClient, readUid } from '@taonode/chain';
import { freePort, startChild, type SupervisedChild } from '@taonode/process';
import { ScoreStore } from '@taonode/queue';
import {
  spec424MetadataFile,
  startDevnet,
  startRedisServer,
  type LaunchedDevnet,
  type LaunchedRedis,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';

// The weight-setter on today's chain: the devnet serving the real spec-424 metadata with commit-reveal on
// (CommitRevealWeightsVersion 4), so the only way in is a drand-timelocked commit. The process commits, the
// devnet's test beacon publishes the round, the devnet decrypts and applies the weights at the reveal epoch.
jest.setTimeout(300_000);

const METADATA_424 = spec424MetadataFile();

const REPO_ROOT = path.resolve(__dirname, '../../..');
const RUN_APP = path.join(REPO_ROOT, 'bin', 'run-app.js');
const NETUID = 1;
const validator = Keypair.fromUri('//Alice//validator');
const MINERS = ['//Bob//m0', '//Bob//m1'];

const genesis = {
  sudo: '//Alice',
  balances: [
    ['//Alice', '1000000000000000'],
    ['//Alice//validator', '1000000000000'],
  ],
  subtensor: {
    subnets: [
      {
        netuid: NETUID,
        hyperparameters: { weightsSetRateLimit: 2, commitRevealWeightsEnabled: true },
        ownerColdkey: '//Alice',
        ownerHotkey: '//Alice//hot',
        neurons: [
          { hotkey: '//Alice//validator', coldkey: '//Alice', stake: '1000000000000', validatorPermit: true },
          ...MINERS.map((hotkey) => ({ hotkey, coldkey: '//Bob' })),
        ],
      },
    ],
  },
};

const describeOn424 = METADATA_424 ? describe : describe.skip;

describeOn424(
  `weight-setter process on spec 424 with commit-reveal on${METADATA_424 ? '' : ' (skipped: ../shared/fixtures/subtensor-metadata-spec424.scale absent)'}`,
  () => {
    let devnet: LaunchedDevnet;
    let redisServer: LaunchedRedis;
    let redis: Redis;
    let client: ChainClient;
    let home: string;
    const children: SupervisedChild[] = [];

    beforeAll(async () => {
      [devnet, redisServer] = await Promise.all([
        startDevnet({ manual: false, blockTimeMs: 500, genesis, metadata: METADATA_424 }),
        startRedisServer(),
      ]);
      redis = new Redis(redisServer.url, { maxRetriesPerRequest: 1 });
      client = await ChainClient.connect({ chainEndpoint: devnet.url });
      home = await fs.mkdtemp(path.join(tmpdir(), 'taonode-weight-setter-'));
      await new Wallet({ name: 'validator', hotkey: 'default', path: home }).writeHotkey(validator);
    }, 120_000);

    afterAll(async () => {
      await Promise.all(children.map((child) => child.stop()));
      redis?.disconnect();
      await client?.disconnect();
      await devnet?.stop();
      await redisServer?.stop();
      await fs.rm(home, { recursive: true, force: true });
    });

    async function uidOf(hotkey: string): Promise<number> {
      const uid = await client.call('uid', async (api) => readUid(api, (await bestBlock(api)).hash, NETUID, hotkey));
      if (uid === undefined) {
        throw new Error(`${hotkey} not registered`);
      }
      return uid;
    }

    it("commits the scorer's scores timelocked, and the chain reveals them at the reveal epoch", async () => {
      const miners = MINERS.map((uri) => Keypair.fromUri(uri).ss58Address);
      const uids = await Promise.all(miners.map(uidOf));
      await new ScoreStore(redis).applyRewards(
        NETUID,
        1,
        miners.map((hotkey, index) => ({ uid: uids[index] ?? -1, hotkey, reward: index === 0 ? 1 : 0.25 })),
      );
      const [grpcPort, chainSyncOps, setterOps] = [await freePort(), await freePort(), await freePort()];
      const common = {
        REDIS_URL: redisServer.url,
        SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
        OPS_HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
      };
      children.push(
        await startChild({
          name: 'chain-sync',
          command: process.execPath,
          args: [RUN_APP, 'chain-sync'],
          env: {
            ...common,
            NETUIDS: String(NETUID),
            GRPC_HOST: '127.0.0.1',
            GRPC_PORT: String(grpcPort),
            OPS_PORT: String(chainSyncOps),
            CHAIN_SYNC_BLOCK_TIME_MS: '500',
            CHAIN_SYNC_METAGRAPH_SOURCE: 'storage',
          },
          readyUrl: `http://127.0.0.1:${chainSyncOps}/ready`,
          readyTimeoutMs: 180_000,
        }),
      );
      children.push(
        await startChild({
          name: 'weight-setter',
          command: process.execPath,
          args: [RUN_APP, 'weight-setter'],
          env: {
            ...common,
            NETUID: String(NETUID),
            WALLET_PATH: home,
            WALLET_NAME: 'validator',
            WALLET_HOTKEY: 'default',
            METAGRAPH_GRPC_URL: `127.0.0.1:${grpcPort}`,
            OPS_PORT: String(setterOps),
          },
          readyUrl: `http://127.0.0.1:${setterOps}/ready`,
          readyTimeoutMs: 180_000,
        }),
      );
      const validatorUid = await uidOf(validator.ss58Address);
      let stored: [number, number][] = [];
      const deadline = Date.now() + 120_000;
      while (stored.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const row = (await client.api.query.subtensorModule?.weights?.(NETUID, validatorUid)) as Vec<
          ITuple<[u16, u16]>
        >;
        stored = row.map(([uid, value]) => [uid.toNumber(), value.toNumber()]);
      }
      expect(stored).toEqual(
        [
          [uids[0] ?? -1, 65535],
          [uids[1] ?? -1, 16384],
        ].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
      );
      const metrics = await (await fetch(`http://127.0.0.1:${setterOps}/metrics`)).text();
      expect(metrics).toMatch(
        /taonode_weight_setter_submissions_total\{action="commit",outcome="timelocked-committed"[^}]*\} [1-9]/,
      );
      // After the reveal epoch the weight-setter itself confirms that the chain revealed its commit.
      let confirmed = '';
      const confirmDeadline = Date.now() + 60_000;
      while (!/action="reveal",outcome="revealed"[^}]*\} [1-9]/.test(confirmed) && Date.now() < confirmDeadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        confirmed = await (await fetch(`http://127.0.0.1:${setterOps}/metrics`)).text();
      }
      expect(confirmed).toMatch(/action="reveal",outcome="revealed"[^}]*\} [1-9]/);
      expect(confirmed).not.toMatch(/action="reveal",outcome="rejected"[^}]*\} [1-9]/);
    });
  },
);
