import type { Bytes } from '@polkadot/types';
import type { u64 } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec, ITuple } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import { argBigInt, argBytes, argNumber } from '../call-args';
import { epochIndex, shouldRunEpoch } from '../epoch/epoch-schedule';
import { readBool, readOptional, readVec, write } from '../state/subtensor-storage';
import { setAt } from '../state/uid-vectors';
import { ensure, subtensorError } from '../subtensor-error';
import { passesWeightsRateLimit } from './weight-checks';
import { MAX_UNREVEALED_COMMITS } from './weight-commits';

/**
 * `commit_crv3_weights(netuid, commit, reveal_round)`, signed by the hotkey: same checks as `commit_weights`,
 * then the ciphertext is stored as opaque bytes in `CRV3WeightCommits(netuid, epoch)` (the next epoch when
 * one steps in this block). The devnet cannot decrypt drand timelock ciphertexts, so these commits are never
 * revealed; the epoch drops them once their reveal epoch has passed. Emits `CRV3WeightsCommitted(who, netuid,
 * blake2_256(commit))`.
 */
export function commitCrv3Weights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const hotkey = signedAccount(context.origin);
  const netuid = argNumber(args, 'netuid');
  const commit = argBytes(args, 'commit');
  const revealRound = argBigInt(args, 'revealRound');
  const { storage, blockNumber } = context;

  ensure(readBool(storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealDisabled');
  const uid = readOptional<Codec & { toNumber(): number }>(storage, 'uids', netuid, hotkey)?.toNumber();
  if (uid === undefined) {
    throw subtensorError('HotKeyNotRegisteredInSubNet');
  }
  ensure(passesWeightsRateLimit(storage, netuid, uid, blockNumber), 'CommittingWeightsTooFast');

  const epoch = epochIndex(storage, netuid, blockNumber) + (shouldRunEpoch(storage, netuid, blockNumber) ? 1 : 0);
  const queue = readVec<ITuple<[AccountId32, Bytes, u64]>>(storage, 'crv3WeightCommits', netuid, epoch).map(
    ([account, bytes, round]) => [account.toString(), bytes.toHex(), round.toBigInt()] as const,
  );
  ensure(queue.filter(([account]) => account === hotkey).length < MAX_UNREVEALED_COMMITS, 'TooManyUnrevealedCommits');
  write(storage, 'crv3WeightCommits', [netuid, epoch], [...queue, [hotkey, u8aToHex(commit), revealRound]]);
  context.deposit('subtensorModule', 'CRV3WeightsCommitted', [hotkey, netuid, u8aToHex(blake2AsU8a(commit, 256))]);
  setAt(storage, 'lastUpdate', netuid, uid, BigInt(blockNumber));
}
