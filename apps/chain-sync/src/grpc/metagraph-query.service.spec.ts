import { firstValueFrom, take, toArray } from 'rxjs';
import { ChainError } from '@taonode/chain';
import { blockHashOf, buildMetagraph, fakeAddress, thrownBy } from '@taonode/testing';
import { buildSyncHarness } from '../../test/support/sync-harness';

async function synced() {
  const harness = buildSyncHarness({ netuids: [1], healthMaxLagBlocks: 3, blockTimeMs: 1000 });
  harness.chain.defineSubnet(1);
  harness.chain.defineSubnet(5, (block) => buildMetagraph({ netuid: 5, block, n: 2 }));
  await harness.sync.onApplicationBootstrap();
  harness.chain.connect();
  harness.chain.finalize(20);
  await harness.sync.idle();
  return harness;
}

describe('MetagraphQueryService', () => {
  it('answers a followed subnet from its latest snapshot, fresh while the chain is up', async () => {
    const { query, clock } = await synced();
    clock.advance(1500);
    const answer = await query.latestMetagraph(1);
    expect(answer.value).toEqual(buildMetagraph({ netuid: 1, block: 20 }));
    expect(answer.freshness).toEqual({
      block: 20,
      blockHash: blockHashOf(20),
      stale: false,
      ageSeconds: 1.5,
      finalizedBlock: 20,
    });
  });

  it('keeps answering the last snapshot, marked stale, while the chain is unreachable', async () => {
    const { query, chain } = await synced();
    chain.disconnect();
    const answer = await query.latestMetagraph(1);
    expect(answer.value.block).toBe(20);
    expect(answer.freshness.stale).toBe(true);
  });

  it('fails with NOT_READY before the first snapshot of a followed subnet', async () => {
    const harness = buildSyncHarness({ netuids: [1] });
    await expect(harness.query.latestMetagraph(1)).rejects.toMatchObject({
      code: 'TAONODE_CHAIN_SYNC_NOT_READY',
      kind: 'unavailable',
    });
  });

  it('reads a subnet it does not follow from the chain at the finalized head', async () => {
    const { query, chain } = await synced();
    const answer = await query.latestMetagraph(5);
    expect(answer.value).toEqual(buildMetagraph({ netuid: 5, block: 20, n: 2 }));
    expect(chain.reads.at(-1)).toEqual({ netuid: 5, blockHash: blockHashOf(20) });
  });

  it('reports a subnet the chain does not have as not found, keeping the chain code', async () => {
    const { query } = await synced();
    await expect(query.latestMetagraph(9)).rejects.toMatchObject({
      code: 'TAONODE_CHAIN_SUBNET_NOT_FOUND',
      kind: 'not-found',
    });
  });

  it('reads an older block through its hash, exact and therefore not stale', async () => {
    const { query, chain } = await synced();
    const answer = await query.metagraphAt(1, 12);
    expect(answer.value.block).toBe(12);
    expect(answer.freshness).toMatchObject({ block: 12, stale: false, finalizedBlock: 20 });
    expect(chain.reads.at(-1)).toEqual({ netuid: 1, blockHash: blockHashOf(12) });
  });

  it('answers the snapshot itself when asked for its block, without a chain read', async () => {
    const { query, chain } = await synced();
    const reads = chain.reads.length;
    expect((await query.metagraphAt(1, 20)).value.block).toBe(20);
    expect(chain.reads).toHaveLength(reads);
  });

  it('answers a repeated historical block from its cache, without a second chain read', async () => {
    const { query, chain } = await synced();
    await query.metagraphAt(1, 12);
    const reads = chain.reads.length;
    expect((await query.metagraphAt(1, 12)).value.block).toBe(12);
    expect(chain.reads).toHaveLength(reads);
  });

  it('refuses historical reads beyond the concurrency limit with resource-exhausted, then serves again', async () => {
    const harness = buildSyncHarness({ netuids: [1], liveReadConcurrency: 2 });
    harness.chain.defineSubnet(1);
    await harness.sync.onApplicationBootstrap();
    harness.chain.connect();
    harness.chain.finalize(20);
    await harness.sync.idle();
    const release = harness.chain.holdReads();
    const running = [harness.query.metagraphAt(1, 10), harness.query.metagraphAt(1, 11)];
    await expect(harness.query.metagraphAt(1, 12)).rejects.toMatchObject({
      code: 'TAONODE_CHAIN_SYNC_BUSY',
      kind: 'resource-exhausted',
    });
    release();
    expect((await Promise.all(running)).map((answer) => answer.value.block)).toEqual([10, 11]);
    expect((await harness.query.metagraphAt(1, 12)).value.block).toBe(12);
  });

  it('refuses a block beyond the finalized head', async () => {
    const { query } = await synced();
    await expect(query.metagraphAt(1, 21)).rejects.toMatchObject({
      code: 'TAONODE_CHAIN_SYNC_BLOCK_NOT_FINALIZED',
      kind: 'not-found',
    });
  });

  it('maps a chain outage during an explicit-block read to unavailable', async () => {
    const { query, chain } = await synced();
    chain.disconnect();
    await expect(query.metagraphAt(1, 12)).rejects.toMatchObject({
      code: 'TAONODE_CHAIN_DISCONNECTED',
      kind: 'unavailable',
    });
  });

  it('maps a chain timeout to deadline-exceeded', async () => {
    const { query, chain } = await synced();
    chain.failReads(new ChainError('TAONODE_CHAIN_TIMEOUT', 'slow'));
    await expect(query.latestMetagraph(5)).rejects.toMatchObject({ kind: 'deadline-exceeded' });
  });

  it('finds a neuron by uid and by hotkey, and reports an unknown one as not found', async () => {
    const { query } = await synced();
    expect((await query.neuron(1, { uid: 2 })).value.hotkey).toBe(fakeAddress('hot', 2));
    expect((await query.neuron(1, { hotkey: fakeAddress('hot', 3) })).value.uid).toBe(3);
    await expect(query.neuron(1, { uid: 4 })).rejects.toMatchObject({ code: 'TAONODE_CHAIN_SYNC_NEURON_NOT_FOUND' });
  });

  it('answers hyperparameters from the snapshot', async () => {
    const { query } = await synced();
    const answer = await query.hyperparameters(1);
    expect(answer.value).toEqual(buildMetagraph().hyperparameters);
    expect(answer.freshness.block).toBe(20);
  });

  it('streams the latest snapshot, then changed ones, each judged fresh when sent', async () => {
    const { query, chain, sync } = await synced();
    chain.defineSubnet(1, (block) => buildMetagraph({ netuid: 1, block, n: block >= 22 ? 5 : 4 }));
    const received = firstValueFrom(query.watch(1).pipe(take(2), toArray()));
    chain.finalize(21);
    await sync.idle();
    chain.finalize(22);
    await sync.idle();
    const answers = await received;
    expect(answers.map((answer) => [answer.value.block, answer.value.n])).toEqual([
      [20, 4],
      [22, 5],
    ]);
    expect(answers[1]?.freshness.stale).toBe(false);
  });

  it('refuses to watch a subnet it does not follow', async () => {
    const { query } = await synced();
    expect(thrownBy(() => query.watch(5))).toMatchObject({ code: 'TAONODE_CHAIN_SYNC_SUBNET_NOT_SYNCED' });
  });

  it('reports the head, its age and the connection', async () => {
    const { query, clock, chain } = await synced();
    clock.advance(3500);
    chain.disconnect();
    expect(query.head()).toEqual({
      head: { number: 20, hash: blockHashOf(20) },
      connected: false,
      headAgeMs: 3500,
      stalled: true,
    });
  });
});
