/**
 * @jest-environment ../../../libs/testing/ort-test-environment.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Vec } from '@polkadot/types';
import type { u16 } from '@polkadot/types-codec';
import { ChainClient, ExtrinsicSubmitter, readWeights, registerNeuron, serveAxon } from '@taonode/chain';
import { freePort } from '@taonode/process';
import {
  type AppProcess,
  type LaunchedDevnet,
  type LaunchedRedis,
  startAppProcess,
  startDevnet,
  startRedisServer,
  waitFor,
} from '@taonode/testing';
import { Keypair, Wallet } from '@taonode/wallet';
import { startTestAxon, type TestAxon } from './support/test-axon';

const NETUID = 1;
/** The subnet owner's hotkey, registered at genesis (uid 0): its stake decides consensus on the dev subnet. */
const VALIDATOR_URI = '//Alice//hot';

function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  return waitFor(what, probe, 240_000, 250);
}

/**
 * The incentive loop closed on a chain: three miners registered on the devnet — our miner path (axon-gateway +
 * inference-worker), one answering correctly but late, one answering garbage — and our validator (chain-sync,
 * validator-scorer, weight-setter as processes). The weights on chain rank honest > slow > garbage, and after the
 * next epoch the honest miner has the highest incentive.
 */
describe('validator on chain', () => {
  const walletPath = mkdtempSync(join(tmpdir(), 'taonode-onchain-wallets-'));
  const modelRepository = mkdtempSync(join(tmpdir(), 'taonode-onchain-models-'));
  let redis: LaunchedRedis;
  let devnet: LaunchedDevnet;
  let client: ChainClient;
  const processes: AppProcess[] = [];
  const axons: TestAxon[] = [];
  const uids = { honest: -1, slow: -1, garbage: -1 };

  beforeAll(async () => {
    redis = await startRedisServer({ appendOnly: true });
    devnet = await startDevnet({ manual: false, blockTimeMs: 250 });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    const submitter = new ExtrinsicSubmitter(client);

    const honestKey = Keypair.fromUri('//Bob//honest');
    await new Wallet({ name: 'validator', hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(
      Keypair.fromUri(VALIDATOR_URI),
    );
    await new Wallet({ name: 'miner', hotkey: 'default', path: walletPath }).hotkeyFile.writeKeypair(honestKey);

    const gatewayPort = await freePort();
    const slow = await startTestAxon({ kind: 'slow', delayMs: 4_000 }, modelRepository, '127.0.0.3');
    const garbage = await startTestAxon({ kind: 'garbage' }, modelRepository, '127.0.0.4');
    axons.push(slow, garbage);
    const miners = [
      { name: 'honest', coldkey: '//Bob', hotkey: honestKey, ip: '127.0.0.2', port: gatewayPort },
      {
        name: 'slow',
        coldkey: '//Charlie',
        hotkey: Keypair.fromUri('//Charlie//slow'),
        ip: '127.0.0.3',
        port: slow.port,
      },
      {
        name: 'garbage',
        coldkey: '//Dave',
        hotkey: Keypair.fromUri('//Dave//garbage'),
        ip: '127.0.0.4',
        port: garbage.port,
      },
    ] as const;
    for (const miner of miners) {
      const registered = await registerNeuron(
        client,
        submitter,
        Keypair.fromUri(miner.coldkey),
        miner.hotkey.ss58Address,
        NETUID,
        { waitFor: 'inBlock' },
      );
      uids[miner.name] = registered.uid;
      // From a hotkey without balance: serve_axon is a free call.
      await serveAxon(client, submitter, miner.hotkey, {
        netuid: NETUID,
        ip: miner.ip,
        port: miner.port,
        waitFor: 'inBlock',
      });
    }

    const grpcPort = await freePort();
    const common = {
      REDIS_URL: redis.url,
      SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
      METAGRAPH_GRPC_URL: `127.0.0.1:${grpcPort}`,
      NETUID: String(NETUID),
      WALLET_PATH: walletPath,
      WALLET_HOTKEY: 'default',
    };
    processes.push(
      await startAppProcess('chain-sync', {
        ...common,
        NETUIDS: String(NETUID),
        GRPC_PORT: String(grpcPort),
        CHAIN_SYNC_BLOCK_TIME_MS: '250',
        CHAIN_SYNC_METAGRAPH_SOURCE: 'storage',
      }),
    );
    processes.push(
      await startAppProcess('inference-worker', { ...common, INFERENCE_MODEL_REPOSITORY: modelRepository }),
    );
    processes.push(
      await startAppProcess('axon-gateway', {
        ...common,
        WALLET_NAME: 'miner',
        AXON_HOST: '127.0.0.2',
        AXON_PORT: String(gatewayPort),
      }),
    );
    processes.push(
      ...(await Promise.all([
        startAppProcess('validator-scorer', {
          ...common,
          WALLET_NAME: 'validator',
          SCORER_ROUND_INTERVAL_BLOCKS: '4',
          SCORER_MOVING_AVERAGE_ALPHA: '0.5',
        }),
        startAppProcess('weight-setter', { ...common, WALLET_NAME: 'validator' }),
      ])),
    );
  }, 600_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop()));
    await Promise.all(axons.map((axon) => axon.close()));
    await client?.disconnect();
    await devnet?.stop();
    await redis?.stop();
    rmSync(walletPath, { recursive: true, force: true });
    rmSync(modelRepository, { recursive: true, force: true });
  }, 120_000);

  it('weights on chain rank honest > slow > garbage, and the honest miner earns the highest incentive', async () => {
    const weightOf = (row: ReadonlyMap<number, number>, uid: number): number => row.get(uid) ?? 0;
    const ranked = await until('weights ranking the three miners', async () => {
      const rows = await readWeights(client, NETUID, { uids: [0] });
      const row = new Map(rows.find((candidate) => candidate.uid === 0)?.weights ?? []);
      return weightOf(row, uids.honest) > weightOf(row, uids.slow) && weightOf(row, uids.slow) > 0 ? row : undefined;
    });
    expect(weightOf(ranked, uids.honest)).toBe(65535);
    expect(weightOf(ranked, uids.slow)).toBeGreaterThan(weightOf(ranked, uids.garbage));

    const incentive = await until('incentives after the next epoch', async () => {
      const values = (await client.call('read incentive', async (api) => {
        const query = api.query.subtensorModule?.incentive;
        if (query === undefined) {
          throw new Error('the runtime has no SubtensorModule.Incentive');
        }
        return query(NETUID);
      })) as unknown as Vec<u16>;
      const list = values.map((value) => value.toNumber());
      return (list[uids.honest] ?? 0) > 0 ? list : undefined;
    });
    const honest = incentive[uids.honest] ?? 0;
    expect(honest).toBeGreaterThan(incentive[uids.slow] ?? 0);
    expect(honest).toBeGreaterThan(incentive[uids.garbage] ?? 0);
  }, 300_000);
});
