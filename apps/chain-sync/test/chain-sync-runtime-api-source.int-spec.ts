import { firstValueFrom } from 'rxjs';
import { ChainClient, ChainMetagraphReader } from '@taonode/chain';
import {
  devnetRuntimes,
  startDevnet,
  startRedisServer,
  type LaunchedDevnet,
  type LaunchedRedis,
} from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { toProtoMetagraph } from '../src/grpc/metagraph.mapper';
import { type RunningChainSync, startChainSync } from './support/chain-sync.app';
import { waitFor } from './support/wait-for';

const STAKE_RAO = 5_000_000_000n;
/** Generous: cold swc compilation of the devnet while chain-sync compiles too. */
const DEVNET_START_TIMEOUT_MS = 90_000;

/** Subnet 1 with its owner and two neurons, one staked, at genesis. */
const GENESIS = {
  chainName: 'chain-sync runtime-api source',
  sudo: '//Alice',
  balances: [
    ['//Alice', '1000000000000000'],
    ['//Bob', '1000000000000000'],
  ],
  subtensor: {
    subnets: [
      {
        netuid: 1,
        ownerColdkey: '//Alice',
        ownerHotkey: '//Alice//hot',
        hyperparameters: { tempo: 10, burn: '1000000000' },
        neurons: [
          { hotkey: '//Bob//hot', coldkey: '//Bob', stake: STAKE_RAO.toString() },
          { hotkey: '//Bob//hot2', coldkey: '//Bob' },
        ],
      },
    ],
  },
};

/**
 * chain-sync forced onto the runtime API path (`CHAIN_SYNC_METAGRAPH_SOURCE=runtime-api`) on every runtime the
 * devnet serves (spec 424 where the fixture is present): what it serves equals the storage path's metagraph at
 * the head and at an older block.
 */
describe.each(devnetRuntimes())('chain-sync with CHAIN_SYNC_METAGRAPH_SOURCE=runtime-api ($label)', ({ metadata }) => {
  let redis: LaunchedRedis;
  let devnet: LaunchedDevnet;
  let service: RunningChainSync;
  let client: ChainClient;
  let storageReader: ChainMetagraphReader;

  beforeAll(async () => {
    [redis, devnet] = await Promise.all([
      startRedisServer(),
      startDevnet({ genesis: GENESIS, metadata, manual: true, startTimeoutMs: DEVNET_START_TIMEOUT_MS }),
    ]);
    service = await startChainSync({
      redisUrl: redis.url,
      env: {
        SUBTENSOR_CHAIN_ENDPOINT: devnet.url,
        NETUIDS: '1',
        CHAIN_SYNC_METAGRAPH_SOURCE: 'runtime-api',
        CHAIN_SYNC_CALL_TIMEOUT_MS: '10000',
      },
    });
    client = await ChainClient.connect({ chainEndpoint: devnet.url });
    storageReader = new ChainMetagraphReader(client, { source: 'storage' });
  }, 180_000);

  afterAll(async () => {
    await client?.disconnect();
    await service?.close();
    await devnet?.stop();
    await redis?.stop();
  });

  /** Builds a block and waits until chain-sync has synced it; resolves with its hash. */
  async function nextBlock(): Promise<`0x${string}`> {
    const hash = (await devnet.newBlock()) as `0x${string}`;
    return waitFor(`chain-sync to sync ${hash}`, async () => {
      const snapshot = await firstValueFrom(service.client.getMetagraph({ netuid: 1 })).catch(() => undefined);
      return snapshot?.metagraph?.blockHash === hash ? hash : undefined;
    });
  }

  it('serves, from the runtime API, the metagraph the storage path reads, at the head and at an older block', async () => {
    const older = await nextBlock();
    const head = await nextBlock();
    const latest = await firstValueFrom(service.client.getMetagraph({ netuid: 1 }));
    const fromStorage = await storageReader.read(1, head);
    // toMatchObject: proto-loader adds virtual `_field` keys for proto3 `optional` fields (oneofs: true).
    expect(latest.metagraph).toMatchObject(toProtoMetagraph({ ...fromStorage, source: 'runtime-api' }));
    const bob = latest.metagraph?.neurons.find((neuron) => neuron.hotkey === Keypair.fromUri('//Bob//hot').ss58Address);
    expect(bob?.stakeRao).toBe(STAKE_RAO.toString());

    const olderNumber = await client.call('number', async (api) =>
      (await api.rpc.chain.getHeader(older)).number.toNumber(),
    );
    const past = await firstValueFrom(service.client.getMetagraph({ netuid: 1, block: String(olderNumber) }));
    expect(past.metagraph).toMatchObject(
      toProtoMetagraph({ ...(await storageReader.read(1, older)), source: 'runtime-api' }),
    );
  });
});
