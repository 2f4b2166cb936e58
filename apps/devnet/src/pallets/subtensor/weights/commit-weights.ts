import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argHex, argNumber } from '../call-args';
import { has, readBool, readOptional } from '../state/subtensor-storage';
import { setAt } from '../state/uid-vectors';
import { ensure, subtensorError } from '../subtensor-error';
import { passesWeightsRateLimit } from './weight-checks';
import {
  dropExpiredCommits,
  MAX_UNREVEALED_COMMITS,
  newWeightCommit,
  readWeightCommits,
  writeWeightCommits,
} from './weight-commits';

/**
 * `commit_weights(netuid, commit_hash)`, signed by the hotkey. Checks in order: commit-reveal on
 * (`CommitRevealDisabled`), hotkey registered (`HotKeyNotRegisteredInSubNet`), weights rate limit against
 * `LastUpdate` (`CommittingWeightsTooFast`), fewer than 10 unexpired commits (`TooManyUnrevealedCommits`).
 * Queues the commit tagged with its epoch (`(hash, block, first_reveal_block, last_reveal_block)` on 233,
 * `(hash, commit_epoch, block, 0)` on 424 with the look-ahead epoch), emits `WeightsCommitted(who, netuid, hash)`
 * and moves `LastUpdate` to this block.
 */
export function commitWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  doCommitWeights(context, signedAccount(context.origin), argNumber(args, 'netuid'), argHex(args, 'commitHash'));
}

/** `do_commit_weights`, shared with `batch_commit_weights`. */
export function doCommitWeights(context: DispatchContext, hotkey: string, netuid: number, hash: `0x${string}`): void {
  const { storage, blockNumber } = context;

  ensure(readBool(storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealDisabled');
  ensure(has(storage, 'uids', netuid, hotkey), 'HotKeyNotRegisteredInSubNet');
  const uid = readOptional<Codec & { toNumber(): number }>(storage, 'uids', netuid, hotkey)?.toNumber();
  if (uid === undefined) {
    throw subtensorError('HotKeyNotRegisteredInSubNet');
  }
  ensure(passesWeightsRateLimit(storage, netuid, uid, blockNumber), 'CommittingWeightsTooFast');

  const commits = readWeightCommits(storage, netuid, hotkey) ?? [];
  dropExpiredCommits(storage, netuid, commits, blockNumber);
  ensure(commits.length < MAX_UNREVEALED_COMMITS, 'TooManyUnrevealedCommits');
  commits.push(newWeightCommit(storage, netuid, hash, blockNumber));
  writeWeightCommits(storage, netuid, hotkey, commits);
  context.deposit('subtensorModule', 'WeightsCommitted', [hotkey, netuid, hash]);
  setAt(storage, 'lastUpdate', netuid, uid, BigInt(blockNumber));
}
