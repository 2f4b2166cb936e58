import type { Storage } from '../../../state/storage';
import { AlphaSharePool } from '../state/alpha-share-pool';
import { ColdkeyBalance } from '../state/coldkey-balance';
import { hotkeyExists } from '../state/hotkey-accounts';
import { simulateAlphaForTao, simulateTaoForAlpha } from '../state/subnet-pool';
import { readBool } from '../state/subtensor-storage';
import type { SubtensorErrorName } from '../subtensor-error';

/** `DefaultMinStake`: the smallest stake movement, in rao. */
export const MIN_STAKE = 500_000n;
/** `DefaultStakingFee`: taken from every add and remove and left in the subnet pool. */
export const STAKING_FEE = 50_000n;

/**
 * `validate_add_stake` (no price limit): subnet exists, amount ≥ min stake + fee, the coldkey can pay,
 * the hotkey exists, the pool can absorb the TAO. Returns the first failing error name.
 */
export function validateAddStake(
  storage: Storage,
  coldkey: string,
  hotkey: string,
  netuid: number,
  amount: bigint,
): SubtensorErrorName | undefined {
  if (!readBool(storage, 'networksAdded', netuid)) {
    return 'SubnetNotExists';
  }
  if (amount < MIN_STAKE + STAKING_FEE) {
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
  const tao = simulateAlphaForTao(storage, netuid, alpha);
  if (tao === undefined) {
    return 'InsufficientLiquidity';
  }
  if (tao <= MIN_STAKE) {
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
