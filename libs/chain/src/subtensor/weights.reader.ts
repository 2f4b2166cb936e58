import type { u16, Vec } from '@polkadot/types';
import type { ITuple } from '@polkadot/types/types';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { mechanismStorageIndex } from '../weights/commit-hash';

/** The weights one uid has set on a subnet, as stored (`Weights(netuid index, uid)`). */
export interface WeightRow {
  readonly uid: number;
  /** `(destination uid, u16 value)` pairs, max-upscaled by the chain (largest 65535). */
  readonly weights: readonly (readonly [number, number])[];
}

type StoredRow = Vec<ITuple<[u16, u16]>>;

function toPairs(row: StoredRow | undefined): [number, number][] {
  return (row ?? []).map(([uid, value]) => [uid.toNumber(), value.toNumber()]);
}

/**
 * Weight rows of `netuid` at `blockHash` (default: the finalized head): of the given uids, or of every uid that
 * has set weights. Rows are in uid order; values as the chain stores them (normalise by the row sum to get
 * what the SDK's full metagraph shows).
 */
export async function readWeights(
  client: ChainClient,
  netuid: number,
  options: { uids?: readonly number[]; blockHash?: `0x${string}`; mechanismId?: number } = {},
): Promise<WeightRow[]> {
  return client.call(`read weights of subnet ${netuid}`, async (api) => {
    const block = await resolveBlock(api, options.blockHash);
    const weights = storageEntry(api, 'subtensorModule', 'weights');
    const index = mechanismStorageIndex(netuid, options.mechanismId ?? 0);
    if (options.uids !== undefined) {
      const uids = options.uids;
      const values = await queryStorageAt(
        api,
        block.hash,
        uids.map((uid) => storageQuery(weights, index, uid)),
      );
      return uids.map((uid, position) => ({ uid, weights: toPairs(values[position] as StoredRow | undefined) }));
    }
    const entries = await weights.entriesAt<StoredRow, [u16, u16]>(block.hash, index);
    return entries
      .map(([key, row]) => ({ uid: key.args[1].toNumber(), weights: toPairs(row) }))
      .filter((row) => row.weights.length > 0)
      .sort((a, b) => a.uid - b.uid);
  });
}
