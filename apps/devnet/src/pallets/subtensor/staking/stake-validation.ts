import type { Storage } from '../../../state/storage';
import { AlphaSharePool } from '../state/alpha-share-pool';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { hotkeyExists } from '../state/hotkey-accounts';
import { simulateAlphaForTao, simulateTaoForAlpha } from '../state/subnet-pool';
import { isDeclared, readBig, readBool, readNum } from '../state/subtensor-storage';
import type { SubtensorErrorName } from '../subtensor-error';

/** `DefaultMinStake` of spec 233: the smallest stake movement, in rao. */
export const MIN_STAKE = 500_000n;
/** `DefaultStakingFee`: taken from every add and remove and left in the subnet pool (424: the simulated swap fee). */
export const STAKING_FEE = 50_000n;
/** Spec 424 refuses to stake more than this many times the subnet's TAO reserve on a dynamic subnet. */
const MAX_STAKE_PER_SUBNET_TAO = 1000n;
const DYNAMIC_MECHANISM = 1;

/**
 * `DefaultMinStake`: the metadata's `InitialMinStake` constant where it has one (2,000,000 rao at spec 424),
 * else spec 233's 500,000.
 */
export function minStake(storage: Storage): bigint {
  const declared = storage.runtime.decorated.consts.subtensorModule?.initialMinStake;
  return declared === undefined ? MIN_STAKE : BigInt(declared.toString());
}

/** Spec 424 (`SubtokenEnabled` declared): the liquidity cap comes before every other check (§7.2). */
function exceedsLiquidityCap(storage: Storage, netuid: number, amount: bigint): boolean {
  return (
    isDeclared(storage, 'subtokenEnabled') &&
    readNum(storage, 'subnetMechanism', netuid) === DYNAMIC_MECHANISM &&
    amount > MAX_STAKE_PER_SUBNET_TAO * readBig(storage, 'subnetTAO', netuid)
  );
}

/**
 * `validate_add_stake` (no price limit): on spec 424 first the amount within 1000 × `SubnetTAO` on a dynamic
 * subnet; then subnet exists, the subnet started (`SubtokenEnabled`, 424), amount ≥ min stake + fee, the
 * coldkey can pay, the hotkey exists, the pool can absorb the TAO. Returns the first failing error name.
 */
export function validateAddStake(
  storage: Storage,
  coldkey: string,
  hotkey: string,
  netuid: number,
  amount: bigint,
): SubtensorErrorName | undefined {
  if (exceedsLiquidityCap(storage, netuid, amount)) {
    return 'InsufficientLiquidity';
  }
  if (!readBool(storage, 'networksAdded', netuid)) {
    return 'SubnetNotExists';
  }
  if (isSubtokenDisabled(storage, netuid)) {
    return 'SubtokenDisabled';
  }
  if (amount < minStake(storage) + STAKING_FEE) {
    return 'AmountTooLow';
  }
  if (!new ColdkeyBalance(storage, () => undefined).canRemove(coldkey, amount)) {
    return 'NotEnoughBalanceToStake';
  }
  if (!hotkeyExists(storage, hotkey)) {
    return 'HotKeyAccountNotExists';
  }
  if (simulateTaoForAlpha(storage, netuid, amount) === undefined) {
    return 'InsufficientLiquidity';
  }
  return undefined;
}

/**
 * `validate_remove_stake` (no price limit): subnet exists, the alpha is worth more than the min stake and
 * the pool can pay it, the hotkey exists, the coldkey holds that much alpha on the hotkey.
 */
export function validateRemoveStake(
  storage: Storage,
  coldkey: string,
  hotkey: string,
  netuid: number,
  alpha: bigint,
): SubtensorErrorName | undefined {
  if (!readBool(storage, 'networksAdded', netuid)) {
    return 'SubnetNotExists';
  }
  if (isSubtokenDisabled(storage, netuid)) {
    return 'SubtokenDisabled';
  }
  const tao = simulateAlphaForTao(storage, netuid, alpha);
  if (tao === undefined) {
    return 'InsufficientLiquidity';
  }
  if (tao <= minStake(storage)) {
    return 'AmountTooLow';
  }
  if (!hotkeyExists(storage, hotkey)) {
    return 'HotKeyAccountNotExists';
  }
  if (new AlphaSharePool(storage, hotkey, netuid).stakeOf(coldkey) < alpha) {
    return 'NotEnoughStakeToWithdraw';
  }
  return undefined;
}

/**
 * Spec 424 gates staking on `SubtokenEnabled`, which `start_call` sets (`SubtokenDisabled` before it); a
 * runtime without the item (233) never gates.
 */
export function isSubtokenDisabled(storage: Storage, netuid: number): boolean {
  return isDeclared(storage, 'subtokenEnabled') && !readBool(storage, 'subtokenEnabled', netuid);
}
