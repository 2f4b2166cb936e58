import type { Bytes, u64 } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { ITuple } from '@polkadot/types/types';
import { hexToU8a, u8aEq } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import { decodeWeightsPayload, decryptTimelocked, isTimelockError, type WeightsPayload } from '@taonode/timelock';
import type { BlockHookContext, DispatchContext } from '../../../runtime/dispatch-context';
import { DispatchError, OtherDispatchError } from '../../../runtime/dispatch-context';
import { readPulse } from '../../drand/drand-storage';
import { currentEpochWithLookahead, epochIndex, revealPeriod, shouldRunEpoch } from '../epoch/epoch-schedule';
import { isDeclared, readVec, remove } from '../state/subtensor-storage';
import { doSetWeights } from './set-weights';
import {
  hasTimelockedCommits,
  mechanismCount,
  mechanismStorageIndex,
  readTimelockedBucket,
  timelockedBucketEpochs,
  writeTimelockedBucket,
  type TimelockedCommit,
} from './timelocked-commits';

/**
 * The reveal of timelocked (CR v3/v4) weight commits (`reveal_crv3_commits`, coinbase/reveal_commits.rs): the
 * block step calls it in `on_initialize` of every block, for every non-root subnet whose due epoch is not
 * deferred this block, BEFORE the epochs run — so weights revealed at an epoch's firing block are used by that
 * epoch, and commits whose drand pulse is not yet on chain are retried on later blocks.
 *
 * Spec 424 (`TimelockedWeightCommits`): see {@link revealTimelockedBuckets}. Spec 233 (`CRV3WeightCommits`, the
 * runtime at e2b8367b): only at the subnet's epoch block, bucket `epoch − (RevealPeriodEpochs − 1)`, legacy
 * payload, a missing pulse drops the commit, no reveal event.
 */
export function revealTimelockedCommits(context: BlockHookContext, netuid: number): void {
  if (hasTimelockedCommits(context.storage)) {
    revealTimelockedBuckets(context, netuid);
  } else if (isDeclared(context.storage, 'crv3WeightCommits')) {
    revealLegacyCrv3Bucket(context, netuid);
  }
}

/**
 * Spec 424, per mechanism: `reveal_epoch = current_epoch_with_lookahead − RevealPeriodEpochs`; buckets older than
 * it are deleted unrevealed; the `reveal_epoch` bucket is taken and each `(who, block, commit, round)` entry is
 * kept when `Drand.Pulses[round]` is missing (retried next block), else decrypted with the pulse's signature,
 * decoded (v4 payload whose hotkey must be `who`, or the legacy payload), and applied with `set_mechanism_weights`'
 * checks (`WeightsSet`, then `TimelockedWeightsRevealed(netuid_index, who)`). Any failure drops it silently, as on
 * chain. Kept entries go back under `reveal_epoch`.
 */
function revealTimelockedBuckets(context: BlockHookContext, netuid: number): void {
  const { storage, blockNumber } = context;
  const currentEpoch = currentEpochWithLookahead(storage, netuid, blockNumber);
  const period = revealPeriod(storage, netuid);
  const revealEpoch = Math.max(0, currentEpoch - period);
  for (let mecid = 0; mecid < mechanismCount(storage, netuid); mecid += 1) {
    const index = mechanismStorageIndex(netuid, mecid);
    for (const epoch of timelockedBucketEpochs(storage, index)) {
      if (epoch < revealEpoch) {
        writeTimelockedBucket(storage, index, epoch, []);
      }
    }
    if (currentEpoch < period) {
      return;
    }
    const waiting: TimelockedCommit[] = [];
    for (const commit of readTimelockedBucket(storage, index, revealEpoch)) {
      const signature = readPulse(storage, commit.revealRound)?.signature;
      if (signature === undefined) {
        waiting.push(commit);
        continue;
      }
      const payload = openCommit(hexToU8a(commit.ciphertext), signature);
      if (payload === undefined || (payload.format === 'v4' && !isCommitter(payload.hotkey, commit.who))) {
        continue;
      }
      if (applyRevealedWeights(context, netuid, commit.who, payload)) {
        context.deposit('subtensorModule', 'TimelockedWeightsRevealed', [index, commit.who]);
      }
    }
    writeTimelockedBucket(storage, index, revealEpoch, waiting);
  }
}

/** Spec 233: at the epoch block, the bucket of `epoch − (RevealPeriodEpochs − 1)`, all revealed or dropped. */
function revealLegacyCrv3Bucket(context: BlockHookContext, netuid: number): void {
  const { storage, blockNumber } = context;
  if (!shouldRunEpoch(storage, netuid, blockNumber)) {
    return;
  }
  const revealEpoch = epochIndex(storage, netuid, blockNumber) - Math.max(0, revealPeriod(storage, netuid) - 1);
  if (revealEpoch < 0) {
    return;
  }
  const bucket = readVec<ITuple<[AccountId32, Bytes, u64]>>(storage, 'crv3WeightCommits', netuid, revealEpoch);
  remove(storage, 'crv3WeightCommits', netuid, revealEpoch);
  for (const [account, ciphertext, round] of bucket) {
    const signature = readPulse(storage, round.toBigInt())?.signature;
    const payload = signature === undefined ? undefined : openCommit(ciphertext.toU8a(true), signature);
    // The runtime of that era decodes only the legacy payload.
    if (payload?.format === 'v3') {
      applyRevealedWeights(context, netuid, account.toString(), payload);
    }
  }
}

/** tle decryption with the round's signature, then the payload decode; `undefined` for anything malformed. */
function openCommit(ciphertext: Uint8Array, signature: Uint8Array): WeightsPayload | undefined {
  try {
    return decodeWeightsPayload(decryptTimelocked(ciphertext, signature));
  } catch (error) {
    if (isTimelockError(error)) {
      return undefined;
    }
    throw error;
  }
}

/** `AccountId::decode(payload.hotkey) == who`: the first 32 bytes are the account. */
function isCommitter(hotkey: Uint8Array, who: string): boolean {
  return u8aEq(hotkey.subarray(0, 32), decodeAddress(who));
}

/**
 * `do_set_mechanism_weights(signed(who), …)` in its own storage layer: its writes and its `WeightsSet` stay only
 * when every check passes. Returns whether the weights were applied.
 */
function applyRevealedWeights(
  context: BlockHookContext,
  netuid: number,
  who: string,
  payload: WeightsPayload,
): boolean {
  const events: [string, string, readonly unknown[]][] = [];
  const dispatch: DispatchContext = {
    storage: context.storage,
    origin: { kind: 'signed', account: who },
    blockNumber: context.blockNumber,
    deposit: (pallet, event, fields) => events.push([pallet, event, fields]),
    dispatchNested: () => {
      throw new OtherDispatchError('Other');
    },
  };
  try {
    context.storage.transactional(() =>
      doSetWeights(dispatch, who, {
        netuid,
        uids: payload.uids,
        values: payload.values,
        versionKey: payload.versionKey,
      }),
    );
  } catch (error) {
    if (error instanceof DispatchError || error instanceof OtherDispatchError) {
      return false;
    }
    throw error;
  }
  for (const [pallet, event, fields] of events) {
    context.deposit(pallet, event, fields);
  }
  return true;
}
