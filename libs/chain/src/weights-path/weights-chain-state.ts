import type { Option, u16, u64, Vec } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';
import { bestBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { mechanismStorageIndex } from '../weights/commit-hash';
import type { WeightsLimits } from './prepare-weights';

/** The subnet facts weights processing and reveal timing need, read at the best block. */
export interface SubnetWeightsState extends WeightsLimits {
  readonly block: number;
  readonly tempo: number;
}

export async function readSubnetWeightsState(client: ChainClient, netuid: number): Promise<SubnetWeightsState> {
  return client.call(`weights limits of subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    const entry = (item: string): ReturnType<typeof storageEntry> => storageEntry(api, 'subtensorModule', item);
    const [n, minAllowed, maxLimit, tempo] = await queryStorageAt(api, block.hash, [
      storageQuery(entry('subnetworkN'), netuid),
      storageQuery(entry('minAllowedWeights'), netuid),
      storageQuery(entry('maxWeightsLimit'), netuid),
      storageQuery(entry('tempo'), netuid),
    ]);
    return {
      block: block.number,
      numNeurons: (n as u16 | undefined)?.toNumber() ?? 0,
      minAllowedWeights: (minAllowed as u16 | undefined)?.toNumber() ?? 0,
      maxWeightsLimit: (maxLimit as u16 | undefined)?.toNumber() ?? 65535,
      tempo: (tempo as u16 | undefined)?.toNumber() ?? 0,
    };
  });
}

/** What the chain shows of a hotkey's recent weights activity: for reconciling after a crash or a timeout. */
export interface WeightsActivity {
  readonly block: number;
  /** `LastUpdate[netuid index][uid]`. */
  readonly lastUpdate: number;
  /** Hash commits (v2) waiting for their reveal: hash and commit block. */
  readonly commits: readonly { readonly hash: `0x${string}`; readonly block: number }[];
  /** A weights transaction signed by this hotkey is still in the node's pool. */
  readonly pendingInPool: boolean;
}

export async function readWeightsActivity(
  client: ChainClient,
  netuid: number,
  uid: number,
  hotkey: string,
  mechanismId = 0,
): Promise<WeightsActivity> {
  return client.call(`weights activity of ${hotkey} on subnet ${netuid}`, async (api) => {
    const block = await bestBlock(api);
    const queries = [
      storageQuery(storageEntry(api, 'subtensorModule', 'lastUpdate'), mechanismStorageIndex(netuid, mechanismId)),
    ];
    const hasCommits = client.features.hasStorage('subtensorModule', 'weightCommits');
    if (hasCommits) {
      queries.push(
        storageQuery(
          storageEntry(api, 'subtensorModule', 'weightCommits'),
          mechanismStorageIndex(netuid, mechanismId),
          hotkey,
        ),
      );
    }
    const [lastUpdates, commits] = await queryStorageAt(api, block.hash, queries);
    const stored = storedCommits(commits);
    const pending = await api.rpc.author.pendingExtrinsics();
    const pendingInPool = pending.some(
      (extrinsic) =>
        extrinsic.isSigned &&
        extrinsic.signer.toString() === hotkey &&
        extrinsic.method.section === 'subtensorModule' &&
        /weights/i.test(extrinsic.method.method),
    );
    return {
      block: block.number,
      lastUpdate: Number((lastUpdates as Vec<u64> | undefined)?.[uid]?.toBigInt() ?? 0n),
      commits: stored.map(([hash, commitBlock]) => ({ hash: hash.toHex(), block: Number(commitBlock.toBigInt()) })),
      pendingInPool,
    };
  });
}

type CommitEntry = ITuple<[H256, u64, u64, u64]>;

/** `WeightCommits` is an `Option<VecDeque<…>>` on some runtimes and a plain (default-empty) queue on others. */
function storedCommits(value: unknown): readonly CommitEntry[] {
  if (value === undefined || value === null) {
    return [];
  }
  const option = value as Partial<Option<Vec<CommitEntry>>>;
  if (typeof option.isNone === 'boolean' && typeof option.unwrap === 'function') {
    return option.isNone ? [] : option.unwrap();
  }
  return value as Vec<CommitEntry>;
}
