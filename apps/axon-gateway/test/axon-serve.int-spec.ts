import type { Option } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { ChainClient, decodeIp } from '@taonode/chain';
import {
  aliceOwnedGenesis,
  type FakeMetagraphServer,
  type LaunchedDevnet,
  type LaunchedRedis,
  mineUntilSettled,
  startDevnet,
  startFakeMetagraphServer,
  startRedisServer,
} from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { type AxonAnnouncement, AxonAnnouncerService } from '../src/chain/axon-announcer.service';
import { type RunningGateway, startGateway } from './support/gateway.app';
import { ALICE, pingRequest, send } from './support/signed-request';

const NETUID = 1;
/** The gateway's hotkey in `startGateway`. */
const MINER = Keypair.fromUri('//Bob');
const ANNOUNCED_PORT = 8091;

/** Subnet 1 with the gateway's hotkey registered at genesis (serve_axon needs a registered hotkey). */
const GENESIS = {
  chainName: 'axon-gateway serve_axon',
  ...aliceOwnedGenesis({
    balances: [['//Bob', '1000000000000']],
    subnets: [
      {
        netuid: NETUID,
        hyperparameters: { tempo: 360, servingRateLimit: 0 },
        neurons: [{ hotkey: '//Bob', coldkey: '//Charlie' }],
      },
    ],
  }),
};

interface ServedAxon {
  readonly ip: string;
  readonly port: number;
  readonly block: number;
}

type AxonStorage = Codec & { ip: Codec & { toBigInt(): bigint }; port: Codec & { toNumber(): number } };

/**
 * `serve_axon` at gateway start against a real devnet over websockets: the axon is read back from chain storage,
 * an unchanged address is not served again, and 127.0.0.1 is refused with a clear outcome while the gateway keeps
 * answering.
 */
describe('axon-gateway serve_axon at start (real devnet, Redis, HTTP)', () => {
  let devnet: LaunchedDevnet;
  let redis: LaunchedRedis;
  let metagraph: FakeMetagraphServer;
  let client: ChainClient;
  const gateways: RunningGateway[] = [];

  beforeAll(async () => {
    [devnet, redis, metagraph] = await Promise.all([
      startDevnet({ genesis: GENESIS }),
      startRedisServer(),
      startFakeMetagraphServer(NETUID, [{ hotkey: ALICE.ss58Address, stakeRao: 10n ** 12n, validatorPermit: true }]),
    ]);
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
  }, 120_000);

  afterAll(async () => {
    for (const gateway of gateways) {
      await gateway.close();
    }
    await client?.disconnect();
    await Promise.all([devnet?.stop(), redis?.stop(), metagraph?.stop()]);
  });

  async function gatewayAnnouncing(ip: string): Promise<{ gateway: RunningGateway; outcome: AxonAnnouncement }> {
    const gateway = await startGateway({
      redisUrl: redis.url,
      metagraphUrl: metagraph.url,
      env: {
        SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
        AXON_EXTERNAL_IP: ip,
        AXON_EXTERNAL_PORT: String(ANNOUNCED_PORT),
      },
    });
    gateways.push(gateway);
    // Manual devnet: blocks are built while the announcement waits for its inclusion.
    const outcome = await mineUntilSettled(devnet, gateway.app.get(AxonAnnouncerService).announcement);
    return { gateway, outcome };
  }

  async function servedAxon(): Promise<ServedAxon | undefined> {
    const axons = client.api.query.subtensorModule?.axons;
    if (axons === undefined) {
      throw new Error('the devnet metadata has no SubtensorModule.Axons');
    }
    const stored = (await axons(NETUID, MINER.ss58Address)) as unknown as
      | Option<AxonStorage & { block: Codec & { toNumber(): number } }>
      | (AxonStorage & { block: Codec & { toNumber(): number } });
    const axon = 'isSome' in stored ? stored.unwrapOr(undefined) : stored;
    if (axon === undefined || axon.ip.toBigInt() === 0n) {
      return undefined;
    }
    return { ip: decodeIp(axon.ip.toBigInt()), port: axon.port.toNumber(), block: axon.block.toNumber() };
  }

  it('announces AXON_EXTERNAL_IP on start and does not serve an unchanged address again', async () => {
    expect(await servedAxon()).toBeUndefined();
    const first = await gatewayAnnouncing('127.0.0.2');
    expect(first.outcome).toMatchObject({ kind: 'served', ip: '127.0.0.2', port: ANNOUNCED_PORT });
    const served = await servedAxon();
    expect(served).toMatchObject({ ip: '127.0.0.2', port: ANNOUNCED_PORT });

    await first.gateway.close();
    const again = await gatewayAnnouncing('127.0.0.2');
    expect(again.outcome).toEqual({ kind: 'unchanged', ip: '127.0.0.2', port: ANNOUNCED_PORT });
    await devnet.newBlock();
    expect(await servedAxon()).toEqual(served);
  }, 120_000);

  it('refuses 127.0.0.1 with a clear reason, keeps the chain unchanged and keeps answering', async () => {
    const before = await servedAxon();
    const { gateway, outcome } = await gatewayAnnouncing('127.0.0.1');
    expect(outcome).toMatchObject({ kind: 'refused', ip: '127.0.0.1' });
    expect(outcome.kind === 'refused' ? outcome.reason : '').toMatch(/127\.0\.0\.1/);
    await devnet.newBlock();
    expect(await servedAxon()).toEqual(before);
    const ping = await send(gateway.url, pingRequest({ axonHotkey: gateway.hotkey }));
    expect(ping.status).toBe(200);
    expect((await fetch(`${gateway.opsUrl}/health`)).status).toBe(200);
  }, 120_000);
});
