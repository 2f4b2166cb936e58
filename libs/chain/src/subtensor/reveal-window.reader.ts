import type { Option, Vec } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { Codec, ITuple } from '@polkadot/types/types';
import { bestBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { mechanismStorageIndex } from '../weights/commit-hash';
import { revealWindow, statefulRevealWindow, type RevealWindow } from './reveal-window';

/** A hash commit (v2) whose reveal window is wanted. */
export interface CommitToReveal {
  readonly netuid: number;
  readonly mechanismId: number;
  readonly hotkey: string;
  readonly commitHash: `0x${string}`;
  /** The block it was included in, when known (all the 233 modulo rule needs). */
  readonly commitBlock?: number;
}

/** A reveal window as the chain's epoch rule gives it, and the best block it was read at. */
export interface CommitRevealTiming {
  readonly block: number;
  /** `undefined` when the window cannot be known: no commit block on 233, the commit not on chain on 424. */
  readonly window: RevealWindow | undefined;
}

const numberOf = (value: Codec | undefined): number => Number(value?.toString() ?? '0');

/**
 * Reads at the best block when a hash commit can be revealed, in the runtime's own epoch rule (feature
 * detection): where the runtime has `SubnetEpochIndex` (spec 424) the commit's tagged epoch
 * (`WeightCommits` field 1) and the stateful scheduler; otherwise the modulo rule on the commit block.
 */
export async function readCommitRevealTiming(client: ChainClient, commit: CommitToReveal): Promise<CommitRevealTiming> {
  return client.call(`reveal window of ${commit.commitHash}`, async (api) => {
    const block = await bestBlock(api);
    const entry = (item: string): ReturnType<typeof storageEntry> => storageEntry(api, 'subtensorModule', item);
    const [tempo, period] = await queryStorageAt(api, block.hash, [
      storageQuery(entry('tempo'), commit.netuid),
      storageQuery(entry('revealPeriodEpochs'), commit.netuid),
    ]);
    const revealPeriodEpochs = numberOf(period);
    if (findStorageEntry(api, 'subtensorModule', 'subnetEpochIndex') === undefined) {
      return {
        block: block.number,
        window:
          commit.commitBlock === undefined
            ? undefined
            : revealWindow({
                netuid: commit.netuid,
                tempo: numberOf(tempo),
                revealPeriodEpochs,
                commitBlock: commit.commitBlock,
              }),
      };
    }
    const [epochIndex, lastEpochBlock, pendingEpochAt, commits] = await queryStorageAt(api, block.hash, [
      storageQuery(entry('subnetEpochIndex'), commit.netuid),
      storageQuery(entry('lastEpochBlock'), commit.netuid),
      storageQuery(entry('pendingEpochAt'), commit.netuid),
      storageQuery(entry('weightCommits'), mechanismStorageIndex(commit.netuid, commit.mechanismId), commit.hotkey),
    ]);
    // 424 stores (hash, commit_epoch, commit_block, 0).
    const match = queuedCommits(commits).find(([hash]) => hash.toHex() === commit.commitHash);
    return {
      block: block.number,
      window:
        match === undefined
          ? undefined
          : statefulRevealWindow({
              epochs: {
                tempo: numberOf(tempo),
                subnetEpochIndex: numberOf(epochIndex),
                lastEpochBlock: numberOf(lastEpochBlock),
                pendingEpochAt: numberOf(pendingEpochAt),
              },
              stateBlock: block.number,
              commitEpoch: numberOf(match[1]),
              revealPeriodEpochs,
            }),
    };
  });
}

type CommitEntry = ITuple<[H256, Codec, Codec, Codec]>;

/** `WeightCommits` is an `Option<VecDeque<…>>` on some runtimes and a plain (default-empty) queue on others. */
function queuedCommits(value: Codec | undefined): readonly CommitEntry[] {
  if (value === undefined) {
    return [];
  }
  const option = value as Partial<Option<Vec<CommitEntry>>>;
  if (typeof option.isNone === 'boolean' && typeof option.unwrap === 'function') {
    return option.isNone ? [] : option.unwrap();
  }
  return value as Vec<CommitEntry>;
}
