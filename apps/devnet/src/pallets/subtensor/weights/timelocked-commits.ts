import type { Bytes, u64 } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { INumber, ITuple } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import type { Storage } from '../../../state/storage';
import { entriesOf, isDeclared, readNum, readVec, remove, write } from '../state/subtensor-storage';

/** One queued timelocked commit: `(who, commit_block, ciphertext, reveal_round)` as spec 424 stores it. */
export interface TimelockedCommit {
  readonly who: string;
  readonly commitBlock: number;
  readonly ciphertext: `0x${string}`;
  readonly revealRound: bigint;
}

/** `GLOBAL_MAX_SUBNET_COUNT`: a mechanism's storage index is `mecid × 4096 + netuid` (`NetUidStorageIndex`). */
const MECHANISM_INDEX_STRIDE = 4096;

export function mechanismStorageIndex(netuid: number, mecid: number): number {
  return mecid * MECHANISM_INDEX_STRIDE + netuid;
}

/** `MechanismCountCurrent` of the subnet (1 where the runtime has no mechanisms). */
export function mechanismCount(storage: Storage, netuid: number): number {
  return isDeclared(storage, 'mechanismCountCurrent') ? readNum(storage, 'mechanismCountCurrent', netuid) : 1;
}

/** Whether the served runtime has spec 424's `TimelockedWeightCommits` (the v4 timelocked commit calls). */
export function hasTimelockedCommits(storage: Storage): boolean {
  return isDeclared(storage, 'timelockedWeightCommits');
}

export function readTimelockedBucket(storage: Storage, index: number, epoch: number): TimelockedCommit[] {
  return readVec<ITuple<[AccountId32, u64, Bytes, u64]>>(storage, 'timelockedWeightCommits', index, epoch).map(
    ([who, commitBlock, ciphertext, revealRound]) => ({
      who: who.toString(),
      commitBlock: commitBlock.toNumber(),
      ciphertext: u8aToHex(ciphertext.toU8a(true)),
      revealRound: revealRound.toBigInt(),
    }),
  );
}

/** Writes a bucket back; an empty one is removed (`ValueQuery` with an empty default). */
export function writeTimelockedBucket(
  storage: Storage,
  index: number,
  epoch: number,
  commits: readonly TimelockedCommit[],
): void {
  if (commits.length === 0) {
    remove(storage, 'timelockedWeightCommits', index, epoch);
    return;
  }
  write(
    storage,
    'timelockedWeightCommits',
    [index, epoch],
    commits.map((commit) => [commit.who, commit.commitBlock, commit.ciphertext, commit.revealRound]),
  );
}

/** The epochs that hold a bucket for this storage index. */
export function timelockedBucketEpochs(storage: Storage, index: number): number[] {
  return entriesOf(storage, 'timelockedWeightCommits', index).map((entry) => (entry.args[1] as INumber).toNumber());
}
