import type { Storage } from '../../../state/storage';
import { ROOT_NETUID } from '../state/stake-weights';
import { has, readBig, readNum } from '../state/subtensor-storage';
import { boolAt, u64At } from '../state/uid-vectors';
import { isMaxLimited } from './weight-math';

/** `is_self_weight`: exactly one weight, on the caller's own uid. */
export function isSelfWeight(uid: number, uids: readonly number[], values: readonly number[]): boolean {
  return values.length === 1 && uids[0] === uid;
}

/** `check_version_key`: any key at or above the subnet's, or any key when the subnet's is 0. */
export function isVersionKeyCurrent(storage: Storage, netuid: number, versionKey: bigint): boolean {
  const required = readBig(storage, 'weightsVersionKey', netuid);
  return required === 0n || versionKey >= required;
}

/**
 * `check_rate_limit`: a registered uid that never set weights (LastUpdate 0) passes; otherwise at least
 * `WeightsSetRateLimit` blocks must have passed since `LastUpdate`. Registration sets `LastUpdate`, so a
 * fresh neuron waits one rate-limit period.
 */
export function passesWeightsRateLimit(storage: Storage, netuid: number, uid: number, block: number): boolean {
  if (!has(storage, 'keys', netuid, uid)) {
    return false;
  }
  const last = u64At(storage, 'lastUpdate', netuid, uid);
  if (last === 0n) {
    return true;
  }
  return BigInt(block) - last >= readBig(storage, 'weightsSetRateLimit', netuid);
}

/** `check_validator_permit`: self-weight alone needs no permit. */
export function hasValidatorPermitFor(
  storage: Storage,
  netuid: number,
  uid: number,
  uids: readonly number[],
  values: readonly number[],
): boolean {
  return isSelfWeight(uid, uids, values) || boolAt(storage, 'validatorPermit', netuid, uid);
}

export function hasDuplicateUids(uids: readonly number[]): boolean {
  return new Set(uids).size !== uids.length;
}

export function containsInvalidUid(storage: Storage, netuid: number, uids: readonly number[]): boolean {
  return uids.some((uid) => !has(storage, 'keys', netuid, uid));
}

/** `check_length`: at least `min(MinAllowedWeights, SubnetworkN)` weights unless it is a self-weight. */
export function hasEnoughWeights(
  storage: Storage,
  netuid: number,
  uid: number,
  uids: readonly number[],
  values: readonly number[],
): boolean {
  const minAllowed = Math.min(readNum(storage, 'subnetworkN', netuid), readNum(storage, 'minAllowedWeights', netuid));
  if (netuid !== ROOT_NETUID && isSelfWeight(uid, uids, values)) {
    return true;
  }
  return values.length >= minAllowed;
}

/** `max_weight_limited`: self-weight and a limit of 65535 pass; else no normalised weight above the limit. */
export function isWithinMaxWeight(
  storage: Storage,
  netuid: number,
  uid: number,
  uids: readonly number[],
  upscaled: readonly number[],
): boolean {
  if (isSelfWeight(uid, uids, upscaled)) {
    return true;
  }
  const limit = readNum(storage, 'maxWeightsLimit', netuid);
  return limit === 65535 || isMaxLimited(upscaled, limit);
}
