import type { Codec } from '@polkadot/types/types';
import type { DispatchContext } from '../../../runtime/dispatch-context';
import { signedAccount } from '../../../runtime/dispatch-context';
import type { Storage } from '../../../state/storage';
import { argBigInt, argNumber, argNumbers } from '../call-args';
import { ROOT_NETUID, stakeWeightOf } from '../state/stake-weights';
import { readBig, readBool, readNum, readOptional, write } from '../state/subtensor-storage';
import { setAt } from '../state/uid-vectors';
import { ensure, subnetMissingError, subtensorError } from '../subtensor-error';
import {
  containsInvalidUid,
  hasDuplicateUids,
  hasEnoughWeights,
  hasValidatorPermitFor,
  isVersionKeyCurrent,
  isWithinMaxWeight,
  passesWeightsRateLimit,
} from './weight-checks';
import { maxUpscaleToU16 } from './weight-math';

export interface WeightsSubmission {
  readonly netuid: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly versionKey: bigint;
}

/**
 * `set_weights(netuid, dests, weights, version_key)`, signed by the hotkey. Refused with
 * `CommitRevealEnabled` while the subnet uses commit-reveal (checked before the origin, as on chain).
 */
export function setWeights(context: DispatchContext, args: Readonly<Record<string, Codec>>): void {
  const netuid = argNumber(args, 'netuid');
  ensure(!readBool(context.storage, 'commitRevealWeightsEnabled', netuid), 'CommitRevealEnabled');
  doSetWeights(context, signedAccount(context.origin), {
    netuid,
    uids: argNumbers(args, 'dests'),
    values: argNumbers(args, 'weights'),
    versionKey: argBigInt(args, 'versionKey'),
  });
}

/** `check_weights_min_stake`: the hotkey's stake weight on the subnet reaches `StakeThreshold`. */
export function hasMinimumWeightsStake(storage: Storage, hotkey: string, netuid: number): boolean {
  return stakeWeightOf(storage, hotkey, netuid).total >= readBig(storage, 'stakeThreshold');
}

/**
 * `do_set_weights`, every check in the runtime's order:
 *  1. not the root subnet (`CanNotSetRootNetworkWeights`); 2. as many values as uids (`WeightVecNotEqualSize`);
 *  3. subnet exists (`SubNetworkDoesNotExist`); 4. no more uids than `SubnetworkN` (`UidsLengthExceedUidsInSubNet`);
 *  5. hotkey registered on the subnet (`HotKeyNotRegisteredInSubNet`); 6. stake ≥ `StakeThreshold`
 *  (`NotEnoughStakeToSetWeights`); 7. version key (`IncorrectWeightVersionKey`); 8. rate limit, skipped under
 *  commit-reveal whose commit was rate limited instead (`SettingWeightsTooFast`); 9. validator permit unless
 *  self-weight (`NeuronNoValidatorPermit`); 10. no duplicate uids (`DuplicateUids`); 11. every uid exists
 *  (`UidVecContainInvalidOne`); 12. enough weights (`WeightVecLengthIsLow`); 13. max-upscaled weights within
 *  `MaxWeightsLimit` (`MaxWeightExceeded`).
 * The max-upscaled row replaces `Weights(netuid, uid)`; `LastUpdate` moves to this block unless
 * commit-reveal is on (the commit already moved it). Emits `WeightsSet(netuid, uid)`.
 */
export function doSetWeights(context: DispatchContext, hotkey: string, submission: WeightsSubmission): void {
  const { storage, blockNumber } = context;
  const { netuid, uids, values, versionKey } = submission;

  ensure(netuid !== ROOT_NETUID, 'CanNotSetRootNetworkWeights');
  ensure(uids.length === values.length, 'WeightVecNotEqualSize');
  ensure(readBool(storage, 'networksAdded', netuid), subnetMissingError(storage, 'MechanismDoesNotExist'));
  ensure(uids.length <= readNum(storage, 'subnetworkN', netuid), 'UidsLengthExceedUidsInSubNet');
  const uid = readOptional<Codec & { toNumber(): number }>(storage, 'uids', netuid, hotkey)?.toNumber();
  if (uid === undefined) {
    throw subtensorError('HotKeyNotRegisteredInSubNet');
  }
  ensure(hasMinimumWeightsStake(storage, hotkey, netuid), 'NotEnoughStakeToSetWeights');
  ensure(isVersionKeyCurrent(storage, netuid, versionKey), 'IncorrectWeightVersionKey');
  const commitReveal = readBool(storage, 'commitRevealWeightsEnabled', netuid);
  if (!commitReveal) {
    ensure(passesWeightsRateLimit(storage, netuid, uid, blockNumber), 'SettingWeightsTooFast');
  }
  ensure(hasValidatorPermitFor(storage, netuid, uid, uids, values), 'NeuronNoValidatorPermit');
  ensure(!hasDuplicateUids(uids), 'DuplicateUids');
  ensure(!containsInvalidUid(storage, netuid, uids), 'UidVecContainInvalidOne');
  ensure(hasEnoughWeights(storage, netuid, uid, uids, values), 'WeightVecLengthIsLow');
  const upscaled = maxUpscaleToU16(values);
  ensure(isWithinMaxWeight(storage, netuid, uid, uids, upscaled), 'MaxWeightExceeded');

  write(
    storage,
    'weights',
    [netuid, uid],
    uids.map((dest, index) => [dest, upscaled[index] ?? 0]),
  );
  if (!commitReveal) {
    setAt(storage, 'lastUpdate', netuid, uid, BigInt(blockNumber));
  }
  context.deposit('subtensorModule', 'WeightsSet', [netuid, uid]);
}
