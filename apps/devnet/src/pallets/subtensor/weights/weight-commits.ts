import type { Vec } from '@polkadot/types';
import type { u64 } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { Codec, ITuple } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { epochIndex, revealPeriod } from '../epoch/epoch-schedule';
import { readOptional, remove, write } from '../state/subtensor-storage';

/** One `WeightCommits` entry as spec 224 stores it: (hash, commit block, first reveal block, last reveal block). */
export interface WeightCommit {
  readonly hash: `0x${string}`;
  readonly commitBlock: number;
  readonly firstRevealBlock: number;
  readonly lastRevealBlock: number;
}

/** The most unrevealed hash commits a hotkey may hold per subnet. */
export const MAX_UNREVEALED_COMMITS = 10;

export function readWeightCommits(storage: Storage, netuid: number, hotkey: string): WeightCommit[] | undefined {
  const stored = readOptional<Vec<ITuple<[H256, u64, u64, u64]>> & Codec>(storage, 'weightCommits', netuid, hotkey);
  return stored?.map(([hash, commitBlock, first, last]) => ({
    hash: hash.toHex(),
    commitBlock: commitBlock.toNumber(),
    firstRevealBlock: first.toNumber(),
    lastRevealBlock: last.toNumber(),
  }));
}

export function writeWeightCommits(
  storage: Storage,
  netuid: number,
  hotkey: string,
  commits: readonly WeightCommit[],
): void {
  if (commits.length === 0) {
    remove(storage, 'weightCommits', netuid, hotkey);
    return;
  }
  write(
    storage,
    'weightCommits',
    [netuid, hotkey],
    commits.map((commit) => [commit.hash, commit.commitBlock, commit.firstRevealBlock, commit.lastRevealBlock]),
  );
}

/** `is_commit_expired`: the epoch in which the commit could be revealed has passed. */
export function isCommitExpired(storage: Storage, netuid: number, commitBlock: number, block: number): boolean {
  return epochIndex(storage, netuid, block) > epochIndex(storage, netuid, commitBlock) + revealPeriod(storage, netuid);
}

/** `is_reveal_block_range`: a commit may be revealed only during epoch `commit_epoch + RevealPeriodEpochs`. */
export function isInRevealWindow(storage: Storage, netuid: number, commitBlock: number, block: number): boolean {
  return (
    epochIndex(storage, netuid, block) === epochIndex(storage, netuid, commitBlock) + revealPeriod(storage, netuid)
  );
}

/**
 * `get_reveal_blocks`: the first and last block of the reveal epoch, given the staggered epoch boundaries
 * (`epoch × (tempo + 1) − (netuid + 1)`).
 */
export function revealBlocks(storage: Storage, netuid: number, tempo: number, commitBlock: number): [number, number] {
  const revealEpoch = epochIndex(storage, netuid, commitBlock) + revealPeriod(storage, netuid);
  const first = Math.max(0, revealEpoch * (tempo + 1) - (netuid + 1));
  return [first, first + tempo];
}

/** Drops expired commits from the front of the queue (oldest first), returning the hashes dropped. */
export function dropExpiredCommits(
  storage: Storage,
  netuid: number,
  commits: WeightCommit[],
  block: number,
): `0x${string}`[] {
  const expired: `0x${string}`[] = [];
  while (commits[0] !== undefined && isCommitExpired(storage, netuid, commits[0].commitBlock, block)) {
    const dropped = commits.shift();
    if (dropped) {
      expired.push(dropped.hash);
    }
  }
  return expired;
}
