import { ChainError } from '@taonode/chain';
import { blockHashOf, buildMetagraph } from '@taonode/testing';
import { buildSyncHarness, histogramCount, metricValue } from '../../test/support/sync-harness';

async function bootstrapped(netuids: readonly number[] = [1, 3]) {
  const harness = buildSyncHarness({ netuids });
  for (const netuid of netuids) {
    harness.chain.defineSubnet(netuid);
  }
  await harness.sync.onApplicationBootstrap();
  harness.chain.connect();
  return harness;
}

describe('ChainSyncService', () => {
  it('reads every configured subnet at the finalized head hash, publishes and stores it, then is ready', async () => {
    const { sync, chain, hub, repository, registry } = await bootstrapped();
    expect(chain.started).toBe(true);
    expect(sync.isReady).toBe(false);

    const head = chain.finalize(7);
    await sync.idle();

    expect(chain.reads).toEqual([
      { netuid: 1, blockHash: head.hash },
      { netuid: 3, blockHash: head.hash },
    ]);
    expect(hub.latest(1)?.metagraph).toEqual(buildMetagraph({ netuid: 1, block: 7 }));
    expect(hub.latest(3)?.metagraph.block).toBe(7);
    expect([...repository.stored.keys()].sort()).toEqual([1, 3]);
    expect(sync.isReady).toBe(true);
    expect(await metricValue(registry, 'taonode_chain_sync_finalized_block')).toBe(7);
    expect(await metricValue(registry, 'taonode_chain_sync_neurons', { netuid: '3' })).toBe(4);
    expect(await metricValue(registry, 'taonode_chain_sync_head_lag_blocks', { netuid: '1' })).toBe(0);
    expect(await histogramCount(registry, 'taonode_chain_sync_sync_duration_seconds', { netuid: '1' })).toBe(1);
  });

  it('collapses heads that arrive during a slow read into the newest one', async () => {
    const { sync, chain } = await bootstrapped([1]);
    const release = chain.holdReads();
    chain.finalize(10);
    chain.finalize(11);
    chain.finalize(12);
    release();
    await sync.idle();
    // 10 was being read when 11 and 12 came; 11 is skipped.
    expect(chain.reads.map((read) => read.blockHash)).toEqual([blockHashOf(10), blockHashOf(12)]);
  });

  it('ignores a head it already synced', async () => {
    const { sync, chain } = await bootstrapped([1]);
    chain.finalize(10);
    await sync.idle();
    chain.finalize(10);
    await sync.idle();
    expect(chain.reads).toHaveLength(1);
  });

  it('starts over when the chain restarts from a lower block (a new devnet)', async () => {
    const { sync, chain, hub } = await bootstrapped([1]);
    chain.finalize(500);
    await sync.idle();
    chain.disconnect();
    chain.connect(true);
    chain.finalize(2);
    await sync.idle();
    expect(hub.latest(1)?.metagraph.block).toBe(2);
  });

  it('keeps the previous snapshot and counts the chain error code when a read fails', async () => {
    const { sync, chain, hub, registry } = await bootstrapped([1]);
    chain.finalize(10);
    await sync.idle();
    chain.failReads(new ChainError('TAONODE_CHAIN_TIMEOUT', 'no answer'));
    chain.finalize(11);
    await sync.idle();
    expect(hub.latest(1)?.metagraph.block).toBe(10);
    expect(await metricValue(registry, 'taonode_chain_sync_errors_total', { code: 'TAONODE_CHAIN_TIMEOUT' })).toBe(1);
    expect(await metricValue(registry, 'taonode_chain_sync_head_lag_blocks', { netuid: '1' })).toBe(1);
  });

  it('counts unexpected read failures under TAONODE_CHAIN_SYNC_UNEXPECTED', async () => {
    const { sync, chain, registry } = await bootstrapped([1]);
    chain.shapes.set(1, () => {
      throw new TypeError('decoder bug');
    });
    chain.finalize(10);
    await sync.idle();
    expect(
      await metricValue(registry, 'taonode_chain_sync_errors_total', { code: 'TAONODE_CHAIN_SYNC_UNEXPECTED' }),
    ).toBe(1);
  });

  it('still serves a snapshot Redis would not take, but is not ready until one is written', async () => {
    const { sync, chain, hub, repository, registry } = await bootstrapped([1]);
    repository.failure = new Error('ECONNREFUSED');
    chain.finalize(10);
    await sync.idle();
    expect(hub.latest(1)?.metagraph.block).toBe(10);
    expect(sync.isReady).toBe(false);
    expect(
      await metricValue(registry, 'taonode_chain_sync_errors_total', { code: 'TAONODE_CHAIN_SYNC_REDIS_UNAVAILABLE' }),
    ).toBe(1);
    repository.failure = undefined;
    chain.finalize(11);
    await sync.idle();
    expect(sync.isReady).toBe(true);
  });

  it('counts reconnections and follows heads again after one', async () => {
    const { sync, chain, hub, registry } = await bootstrapped([1]);
    chain.finalize(10);
    await sync.idle();
    chain.disconnect();
    chain.connect(true);
    chain.finalize(11);
    await sync.idle();
    expect(await metricValue(registry, 'taonode_chain_sync_reconnects_total')).toBe(1);
    expect(hub.latest(1)?.metagraph.block).toBe(11);
  });

  it('restores the snapshot a previous run stored before the chain answers', async () => {
    const harness = buildSyncHarness({ netuids: [1] });
    await harness.repository.save({ metagraph: buildMetagraph({ netuid: 1, block: 99 }), syncedAtMs: 5 });
    await harness.sync.onApplicationBootstrap();
    expect(harness.hub.latest(1)).toEqual({ metagraph: buildMetagraph({ netuid: 1, block: 99 }), syncedAtMs: 5 });
    // Readiness is about this process having written: a restored snapshot does not count.
    expect(harness.sync.isReady).toBe(false);
  });

  it('stops following heads on shutdown', async () => {
    const { sync, chain } = await bootstrapped([1]);
    await sync.onApplicationShutdown();
    chain.finalize(10);
    await sync.idle();
    expect(chain.reads).toHaveLength(0);
    expect(chain.started).toBe(false);
  });
});
