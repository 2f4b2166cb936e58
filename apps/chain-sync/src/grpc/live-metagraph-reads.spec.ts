import type { Metagraph } from '@taonode/chain';
import { buildMetagraph } from '@taonode/testing';
import { ChainSyncError } from '../chain-sync.error';
import { LiveMetagraphReads } from './live-metagraph-reads';

const hash = (n: number): `0x${string}` => `0x${n.toString(16).padStart(64, '0')}`;

/** A reader whose reads finish only when the test says so. */
function heldReader() {
  const calls: { netuid: number; blockHash: string; finish: () => void }[] = [];
  const read = (netuid: number, blockHash: `0x${string}`): Promise<Metagraph> =>
    new Promise((resolve) => {
      calls.push({
        netuid,
        blockHash,
        finish: () => resolve(buildMetagraph({ netuid, block: Number(BigInt(blockHash)) })),
      });
    });
  return { calls, read };
}

describe('LiveMetagraphReads', () => {
  it('answers a block read once from the cache afterwards', async () => {
    const reader = heldReader();
    const reads = new LiveMetagraphReads({ cacheSize: 2, maxConcurrent: 2 }, reader.read);
    const first = reads.get(1, hash(7));
    reader.calls[0]?.finish();
    expect((await first).block).toBe(7);
    expect((await reads.get(1, hash(7))).block).toBe(7);
    expect(reader.calls).toHaveLength(1);
  });

  it('shares one read among identical concurrent asks', async () => {
    const reader = heldReader();
    const reads = new LiveMetagraphReads({ cacheSize: 2, maxConcurrent: 1 }, reader.read);
    const asks = [reads.get(1, hash(3)), reads.get(1, hash(3)), reads.get(1, hash(3))];
    reader.calls[0]?.finish();
    expect((await Promise.all(asks)).map((m) => m.block)).toEqual([3, 3, 3]);
    expect(reader.calls).toHaveLength(1);
  });

  it('refuses distinct reads beyond the concurrency limit with TAONODE_CHAIN_SYNC_BUSY (resource-exhausted)', async () => {
    const reader = heldReader();
    const reads = new LiveMetagraphReads({ cacheSize: 2, maxConcurrent: 2 }, reader.read);
    const running = [reads.get(1, hash(1)), reads.get(1, hash(2))];
    const refused = await reads.get(1, hash(3)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChainSyncError);
    expect(refused).toMatchObject({ code: 'TAONODE_CHAIN_SYNC_BUSY', kind: 'resource-exhausted' });
    for (const call of reader.calls) {
      call.finish();
    }
    await Promise.all(running);
    const after = reads.get(1, hash(3));
    reader.calls[2]?.finish();
    expect((await after).block).toBe(3);
  });

  it('evicts the least recently used block beyond the cache size', async () => {
    const reader = heldReader();
    const reads = new LiveMetagraphReads({ cacheSize: 2, maxConcurrent: 4 }, reader.read);
    for (const block of [1, 2]) {
      const pending = reads.get(1, hash(block));
      reader.calls.at(-1)?.finish();
      await pending;
    }
    await reads.get(1, hash(1));
    const third = reads.get(1, hash(3));
    reader.calls.at(-1)?.finish();
    await third;
    expect(reader.calls).toHaveLength(3);
    await reads.get(1, hash(1));
    expect(reader.calls).toHaveLength(3);
    const again = reads.get(1, hash(2));
    reader.calls.at(-1)?.finish();
    await again;
    expect(reader.calls).toHaveLength(4);
  });

  it('does not cache failures', async () => {
    let attempts = 0;
    const reads = new LiveMetagraphReads({ cacheSize: 2, maxConcurrent: 2 }, (netuid, blockHash) => {
      attempts += 1;
      return attempts === 1
        ? Promise.reject(new Error('chain away'))
        : Promise.resolve(buildMetagraph({ netuid, block: Number(BigInt(blockHash)) }));
    });
    await expect(reads.get(1, hash(5))).rejects.toThrow('chain away');
    expect((await reads.get(1, hash(5))).block).toBe(5);
  });
});
