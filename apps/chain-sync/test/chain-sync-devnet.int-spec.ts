import { firstValueFrom } from 'rxjs';
import { ChainMetagraphReader, ExtrinsicSubmitter, registerNeuron, serveAxon } from '@taonode/chain';
import { devnetRuntimes, rpcCall, stablePort, startDevnet, type LaunchedDevnet } from '@taonode/testing';
import { Keypair } from '@taonode/wallet';
import { toProtoMetagraph } from '../src/grpc/metagraph.mapper';
import {
  chainSyncGenesis,
  DEVNET_START_TIMEOUT_MS,
  GENESIS_STAKE_RAO,
  useChainSyncOnDevnet,
} from './support/chain-sync-devnet';
import { startChainSync } from './support/chain-sync.app';
import { FakeClock } from './support/fake-chain';
import { StreamRecorder, waitFor } from './support/wait-for';

/** Far beyond the capped reconnect backoff: the wait ends when chain-sync is back, this only bounds a failure. */
const RECONNECT_WAIT_MS = 60_000;

const GENESIS = chainSyncGenesis({
  chainName: 'chain-sync e2e',
  hyperparameters: { tempo: 10, burn: '1000000000', servingRateLimit: 0, weightsSetRateLimit: 0 },
  balances: [
    ['//Dave', '2000000000000'],
    // serve_axon is signed, and its fee paid, by the hotkey.
    ['//Dave//hot', '1000000000'],
  ],
});

/** chain-sync's default health window: CHAIN_SYNC_HEALTH_MAX_LAG_BLOCKS (10) × CHAIN_SYNC_BLOCK_TIME_MS (12 s). */
const HEALTH_WINDOW_MS = 10 * 12_000;

describe.each(devnetRuntimes())('chain-sync against the devnet over real websockets ($label)', ({ metadata }) => {
  const clock = new FakeClock(Date.now());
  const chainSync = useChainSyncOnDevnet({
    genesis: GENESIS,
    metadata,
    // The health window (10 blocks × 12 s, the default) runs on a clock the test moves: a snapshot read right after
    // its block is fresh however slow the machine, and the outage test moves the clock past the window itself.
    clock,
    env: {
      // The backoff grows while the devnet is down, and a restart on a busy machine takes as long as it takes:
      // capped, the reconnect follows the restart within half a second instead of up to 30 s after it.
      CHAIN_RECONNECT_MAX_DELAY_MS: '500',
    },
  });
  const nextBlock = async (): Promise<number> => (await chainSync.nextSyncedBlock()).number;

  /** Submits while building one block (manual blocks): resolves with what `submit` returned. */
  async function inOneBlock<T>(submit: Promise<T>): Promise<T> {
    await waitFor('the extrinsic in the pool', async () =>
      (await rpcCall<unknown[]>(chainSync.devnet.url, 'author_pendingExtrinsics')).length > 0 ? true : undefined,
    );
    await chainSync.devnet.newBlock();
    return submit;
  }

  it('serves the devnet metagraph at the head and at an older block, as the chain reader reads it', async () => {
    const older = await nextBlock();
    const head = await nextBlock();
    expect((await fetch(`${chainSync.service.opsUrl}/ready`)).status).toBe(200);

    const latest = await firstValueFrom(chainSync.service.client.getMetagraph({ netuid: 1 }));
    const reader = new ChainMetagraphReader(chainSync.client);
    const atHead = await reader.read(1, latest.metagraph?.blockHash as `0x${string}`);
    // toMatchObject: proto-loader adds virtual `_field` keys for proto3 `optional` fields (oneofs: true).
    expect(latest.metagraph).toMatchObject(toProtoMetagraph(atHead));
    expect(latest.freshness).toMatchObject({ block: String(head), stale: false });
    // Facts from the genesis, independent of any reader.
    expect(latest.metagraph?.n).toBe(3);
    const bob = latest.metagraph?.neurons.find((neuron) => neuron.hotkey === Keypair.fromUri('//Bob//hot').ss58Address);
    expect(bob?.coldkey).toBe(Keypair.fromUri('//Bob').ss58Address);
    expect(bob?.stakeRao).toBe(GENESIS_STAKE_RAO.toString());

    const past = await firstValueFrom(chainSync.service.client.getMetagraph({ netuid: 1, block: String(older) }));
    const olderHash = await chainSync.client.call('hash', async (api) =>
      (await api.rpc.chain.getBlockHash(older)).toHex(),
    );
    expect(past.metagraph).toMatchObject(toProtoMetagraph(await reader.read(1, olderHash)));
    expect(past.metagraph?.block).toBe(String(older));
  });

  it('shows a watcher a newly registered neuron and a served axon in the block that included them', async () => {
    await nextBlock();
    const watcher = new StreamRecorder(chainSync.service.client.watchMetagraph({ netuid: 1 }));
    await watcher.nth(1);
    const submitter = new ExtrinsicSubmitter(chainSync.client);
    const daveHot = Keypair.fromUri('//Dave//hot');

    const registration = await inOneBlock(
      registerNeuron(chainSync.client, submitter, Keypair.fromUri('//Dave'), daveHot.ss58Address, 1),
    );
    const registered = await watcher.nth(2);
    expect(registered.metagraph?.block).toBe(String(registration.submission?.blockNumber));
    expect(registered.metagraph?.neurons.find((neuron) => neuron.uid === registration.uid)?.hotkey).toBe(
      daveHot.ss58Address,
    );

    const served = await inOneBlock(
      serveAxon(chainSync.client, submitter, daveHot, { netuid: 1, ip: '203.0.113.7', port: 8091 }),
    );
    const withAxon = await watcher.nth(3);
    expect(withAxon.metagraph?.block).toBe(String(served.submission?.blockNumber));
    expect(withAxon.metagraph?.neurons.find((neuron) => neuron.uid === registration.uid)?.axon).toMatchObject({
      ip: '203.0.113.7',
      port: 8091,
      isServing: true,
    });
    watcher.cancel();
  });

  it('survives the devnet being killed: stale answers, unhealthy, then resumes by itself with watchers updated', async () => {
    const before = await nextBlock();
    const watcher = new StreamRecorder(chainSync.service.client.watchMetagraph({ netuid: 1 }));
    await watcher.nth(1);

    await chainSync.devnet.kill();
    await waitFor('chain-sync to see the connection drop', async () =>
      (await firstValueFrom(chainSync.service.client.getHead({}))).connected ? undefined : true,
    );
    // Disconnected: every answer is stale at once, while /health still grants the window.
    const during = await firstValueFrom(chainSync.service.client.getMetagraph({ netuid: 1 }));
    expect(during.metagraph?.block).toBe(String(before));
    expect(during.freshness?.stale).toBe(true);
    expect((await firstValueFrom(chainSync.service.client.getHead({}))).stale).toBe(true);
    // The finalized head stops moving for a whole health window: unhealthy.
    clock.advance(HEALTH_WINDOW_MS + 1);
    expect((await fetch(`${chainSync.service.opsUrl}/health`)).status).toBe(503);
    expect(watcher.ended).toBe(false);

    await chainSync.devnet.restart();
    await waitFor(
      'chain-sync to reconnect',
      async () => ((await firstValueFrom(chainSync.service.client.getHead({}))).connected ? true : undefined),
      RECONNECT_WAIT_MS,
    );
    await nextBlock();
    // A registration on the restarted chain changes the metagraph: the watcher opened before the outage hears of it.
    await chainSync.client.whenConnected(60_000);
    const lateHot = Keypair.fromUri('//Dave//after-restart');
    const registration = await inOneBlock(
      registerNeuron(
        chainSync.client,
        new ExtrinsicSubmitter(chainSync.client),
        Keypair.fromUri('//Dave'),
        lateHot.ss58Address,
        1,
      ),
    );
    const update = await waitFor('the watcher to see the new neuron', () =>
      watcher.items.find((item) => item.metagraph?.neurons.some((neuron) => neuron.hotkey === lateHot.ss58Address)),
    );
    expect(update.metagraph?.block).toBe(String(registration.submission?.blockNumber));
    expect(update.freshness?.stale).toBe(false);
    expect(watcher.ended).toBe(false);
    expect((await fetch(`${chainSync.service.opsUrl}/health`)).status).toBe(200);
    const metrics = await (await fetch(`${chainSync.service.opsUrl}/metrics`)).text();
    expect(metrics).toMatch(/^taonode_chain_sync_reconnects_total\{service="chain-sync"\} [1-9]\d*$/m);
    watcher.cancel();
  }, 180_000);

  it('starts while the chain is down, unready but alive, and syncs once the chain appears', async () => {
    // Below the ephemeral range: nothing else is offered it before the late devnet binds it.
    const port = await stablePort();
    const early = await startChainSync({
      redisUrl: chainSync.redis.url,
      env: { SUBTENSOR_CHAIN_ENDPOINT: `ws://127.0.0.1:${port}`, NETUIDS: '1', CHAIN_SYNC_BLOCK_TIME_MS: '60000' },
    });
    let late: LaunchedDevnet | undefined;
    try {
      expect((await fetch(`${early.opsUrl}/ready`)).status).toBe(503);
      expect((await fetch(`${early.opsUrl}/health`)).status).toBe(200);
      expect((await firstValueFrom(early.client.getHead({}))).connected).toBe(false);

      late = await startDevnet({ genesis: GENESIS, metadata, port, startTimeoutMs: DEVNET_START_TIMEOUT_MS });
      await late.newBlock();
      await waitFor(
        'the first snapshot',
        async () => ((await fetch(`${early.opsUrl}/ready`)).status === 200 ? true : undefined),
        60_000,
      );
      const { metagraph } = await firstValueFrom(early.client.getMetagraph({ netuid: 1 }));
      expect(metagraph?.n).toBe(3);
    } finally {
      await early.close();
      await late?.stop();
    }
  }, 180_000);
});
