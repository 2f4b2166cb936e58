import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argBigInt, argNumber, argNumbers } from '../call-args';
import { readBool } from '../state/subtensor-storage';
import { ensure, subtensorError } from '../subtensor-error';
import { doSetWeights } from './set-weights';
import { weightCommitHash, type WeightReveal } from './weight-commit-hash';
import { dropExpiredCommits, isInRevealWindow, readWeightCommits, writeWeightCommits } from './weight-commits';

/**
 * `reveal_weights(netuid, uids, values, salt, version_key)`, signed by the hotkey. Checks in order:
 * commit-reveal on (`CommitRevealDisabled`); a commit queue exists (`NoWeightsCommitFound`); expired commits
 * are dropped; nothing left → `ExpiredWeightCommit` if the reveal matches a dropped hash, else
 * `NoWeightsCommitFound`; the recomputed hash is queued (else `ExpiredWeightCommit` /
 * `InvalidRevealCommitHashNotMatch`); the current epoch is the commit's reveal epoch (`RevealTooEarly`).
 * The revealed commit and every older one leave the queue, then the weights go through `do_set_weights`
 * with all its checks. Emits `WeightsSet` then `WeightsRevealed(who, netuid, hash)`.
 */
export function revealWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const hotkey = signedAccount(context.origin);
  const netuid = argNumber(args, 'netuid');
  const { storage, blockNumber } = context;
  const reveal = {
    hotkey,
    netuid,
    uids: argNumbers(args, 'uids'),
    values: argNumbers(args, 'values'),
    salt: argNumbers(args, 'salt'),
    versionKey: argBigInt(args, 'versionKey'),
  };

  ensure(readBool(storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealDisabled');
  const commits = readWeightCommits(storage, netuid, hotkey);
  if (commits === undefined) {
    throw subtensorError('NoWeightsCommitFound');
  }
  const expired = dropExpiredCommits(storage, netuid, commits, blockNumber);
  const hash = weightCommitHash(storage.registry, reveal);
  if (commits.length === 0) {
    throw subtensorError(expired.includes(hash) ? 'ExpiredWeightCommit' : 'NoWeightsCommitFound');
  }
  const position = commits.findIndex((commit) => commit.hash === hash);
  const match = commits[position];
  if (match === undefined) {
    throw subtensorError(expired.includes(hash) ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch');
  }
  ensure(isInRevealWindow(storage, netuid, match, blockNumber), 'RevealTooEarly');
  writeWeightCommits(storage, netuid, hotkey, commits.slice(position + 1));
  doSetWeights(context, hotkey, reveal);
  context.deposit('subtensorModule', 'WeightsRevealed', [hotkey, netuid, hash]);
}

export type Reveal = WeightReveal;

/**
 * `do_batch_reveal_weights` after its length and origin checks: commit-reveal on (`CommitRevealDisabled`), a
 * queue exists (`NoWeightsCommitFound`), expired commits dropped; then every reveal is validated first — its
 * hash queued (else `ExpiredWeightCommit` / `InvalidRevealCommitHashNotMatch`) and in its reveal epoch
 * (`RevealTooEarly`) — before each removes only its own commit and goes through `do_set_weights`.
 * Returns the revealed hashes in order.
 */
export function doRevealWeights(context: DispatchContext, reveals: readonly Reveal[]): `0x${string}`[] {
  const { storage, blockNumber } = context;
  const first = reveals[0];
  const hotkey = first?.hotkey ?? signedAccount(context.origin);
  const netuid = first?.netuid ?? 0;
  ensure(readBool(storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealDisabled');
  const commits = readWeightCommits(storage, netuid, hotkey);
  if (commits === undefined) {
    throw subtensorError('NoWeightsCommitFound');
  }
  const expired = dropExpiredCommits(storage, netuid, commits, blockNumber);
  const hashes = reveals.map((reveal) => weightCommitHash(storage.registry, reveal));
  for (const hash of hashes) {
    const match = commits.find((commit) => commit.hash === hash);
    if (match === undefined) {
      throw subtensorError(expired.includes(hash) ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch');
    }
    ensure(isInRevealWindow(storage, netuid, match, blockNumber), 'RevealTooEarly');
  }
  reveals.forEach((reveal, index) => {
    const position = commits.findIndex((commit) => commit.hash === hashes[index]);
    if (position < 0) {
      throw subtensorError(
        expired.includes(hashes[index] ?? '0x') ? 'ExpiredWeightCommit' : 'InvalidRevealCommitHashNotMatch',
      );
    }
    commits.splice(position, 1);
    doSetWeights(context, hotkey, reveal);
  });
  writeWeightCommits(storage, netuid, hotkey, commits);
  return hashes;
}
