import type { Vec } from '@polkadot/types';
import type { u64 } from '@polkadot/types';
import type { H256 } from '@polkadot/types/interfaces';
import type { Codec, ITuple } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';
import { currentEpochWithLookahead, epochIndex, hasStatefulEpochs, revealPeriod } from '../epoch/epoch-schedule';
import { readNum, readOptional, remove, write } from '../state/subtensor-storage';

/**
 * One `WeightCommits` entry. The tuple's encoding is the same on both runtimes, its meaning is not:
 * - spec 233: `(hash, commit_block, first_reveal_block, last_reveal_block)`, the epoch derived from the block;
 * - spec 424: `(hash, commit_epoch, commit_block, 0)`, the epoch the commit was tagged with
 *   (`current_epoch_with_lookahead` at commit time, subnets/weights.rs).
 */
export interface WeightCommit {
  readonly hash: `0x${string}`;
  readonly commitBlock: number;
  /** The epoch the commit belongs to: its reveal epoch is this + `RevealPeriodEpochs`. */
  readonly commitEpoch: number;
}

/** The most unrevealed hash commits a hotkey may hold per subnet. */
export const MAX_UNREVEALED_COMMITS = 10;

/**
 * The epoch the commit-reveal rules compare against at `block`: on 424 the stateful counter with look-ahead
 * (the same function tags commits and reveals timelocked ones); on 233 `get_epoch_index(block)`.
 */
export function commitRevealEpoch(storage: Storage, netuid: number, block: number): number {
  return hasStatefulEpochs(storage)
    ? currentEpochWithLookahead(storage, netuid, block)
    : epochIndex(storage, netuid, block);
}

export function readWeightCommits(storage: Storage, netuid: number, hotkey: string): WeightCommit[] | undefined {
  const stored = readOptional<Vec<ITuple<[H256, u64, u64, u64]>> & Codec>(storage, 'weightCommits', netuid, hotkey);
  if (stored === undefined) {
    return undefined;
  }
  if (hasStatefulEpochs(storage)) {
    return stored.map(([hash, commitEpoch, commitBlock]) => ({
      hash: hash.toHex(),
      commitBlock: commitBlock.toNumber(),
      commitEpoch: commitEpoch.toNumber(),
    }));
  }
  return stored.map(([hash, commitBlock]) => ({
    hash: hash.toHex(),
    commitBlock: commitBlock.toNumber(),
    commitEpoch: epochIndex(storage, netuid, commitBlock.toNumber()),
  }));
}

/** A new commit at `block`, tagged with its epoch. */
export function newWeightCommit(storage: Storage, netuid: number, hash: `0x${string}`, block: number): WeightCommit {
  return { hash, commitBlock: block, commitEpoch: commitRevealEpoch(storage, netuid, block) };
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
  const stateful = hasStatefulEpochs(storage);
  const tempo = readNum(storage, 'tempo', netuid);
  write(
    storage,
    'weightCommits',
    [netuid, hotkey],
    commits.map((commit) => {
      if (stateful) {
        return [commit.hash, commit.commitEpoch, commit.commitBlock, 0];
      }
      const [first, last] = revealBlocks(storage, netuid, tempo, commit.commitEpoch);
      return [commit.hash, commit.commitBlock, first, last];
    }),
  );
}

/** `is_commit_expired`: the epoch in which the commit could be revealed has passed. */
export function isCommitExpired(storage: Storage, netuid: number, commit: WeightCommit, block: number): boolean {
  return commitRevealEpoch(storage, netuid, block) > commit.commitEpoch + revealPeriod(storage, netuid);
}

/** `is_reveal_block_range`: a commit may be revealed only during epoch `commit_epoch + RevealPeriodEpochs`. */
export function isInRevealWindow(storage: Storage, netuid: number, commit: WeightCommit, block: number): boolean {
  return commitRevealEpoch(storage, netuid, block) === commit.commitEpoch + revealPeriod(storage, netuid);
}

/**
 * Spec 233's `get_reveal_blocks`: the first and last block of the reveal epoch, given the staggered epoch
 * boundaries (`epoch × (tempo + 1) − (netuid + 1)`).
 */
function revealBlocks(storage: Storage, netuid: number, tempo: number, commitEpoch: number): [number, number] {
  const revealEpoch = commitEpoch + revealPeriod(storage, netuid);
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
  while (commits[0] !== undefined && isCommitExpired(storage, netuid, commits[0], block)) {
    const dropped = commits.shift();
    if (dropped) {
      expired.push(dropped.hash);
    }
  }
  return expired;
}
