import type { CallValidity } from '../../../runtime/call-definition';
import { argAccount, argBigInt, argNumber } from '../call-args';
import { validateAddStake, validateRemoveStake } from '../staking/stake-validation';
import { readNum } from '../state/subtensor-storage';
import type { SubtensorErrorName } from '../subtensor-error';
import { hasMinimumWeightsStake } from '../weights/set-weights';

/** `CustomTransactionError` codes of the spec-224 `SubtensorSignedExtension` (`InvalidTransaction::Custom(n)`). */
export const SubtensorCustomError = {
  ColdkeyInSwapSchedule: 0,
  StakeAmountTooLow: 1,
  BalanceTooLow: 2,
  SubnetDoesntExist: 3,
  HotkeyAccountDoesntExist: 4,
  NotEnoughStakeToWithdraw: 5,
  RateLimitExceeded: 6,
  InsufficientLiquidity: 7,
  SlippageTooHigh: 8,
  TransferDisallowed: 9,
  BadRequest: 255,
} as const;

/*
 * `SubtensorSignedExtension::validate`: checks the runtime makes before a transaction enters the pool, so a
 * failure is a `1010: Invalid Transaction: Custom error: n` and no fee is charged. Each rule returns the
 * custom code, or `undefined` when the transaction is valid; the call definitions name the rule they use.
 */

/**
 * Weight calls (`set_weights`, `commit_weights`, `reveal_weights`, `batch_reveal_weights`,
 * `commit_crv3_weights`): the signer's stake must reach `StakeThreshold` (1, StakeAmountTooLow).
 */
export const weightsCallValidity: CallValidity = ({ storage, signer }, args) =>
  hasMinimumWeightsStake(storage, signer, argNumber(args, 'netuid'))
    ? undefined
    : SubtensorCustomError.StakeAmountTooLow;

/** `add_stake`: the dispatchable's own input validation, mapped to codes. */
export const addStakeValidity: CallValidity = ({ storage, signer }, args) =>
  toCustomCode(
    validateAddStake(
      storage,
      signer,
      argAccount(args, 'hotkey'),
      argNumber(args, 'netuid'),
      argBigInt(args, 'amountStaked'),
    ),
  );

/** `remove_stake`: the dispatchable's own input validation, mapped to codes. */
export const removeStakeValidity: CallValidity = ({ storage, signer }, args) =>
  toCustomCode(
    validateRemoveStake(
      storage,
      signer,
      argAccount(args, 'hotkey'),
      argNumber(args, 'netuid'),
      argBigInt(args, 'amountUnstaked'),
    ),
  );

/** `register` / `burned_register`: fewer than 3 × target registrations this interval (6, RateLimitExceeded). */
export const registrationValidity: CallValidity = ({ storage }, args) => {
  const netuid = argNumber(args, 'netuid');
  const registrations = readNum(storage, 'registrationsThisInterval', netuid);
  return registrations >= readNum(storage, 'targetRegistrationsPerInterval', netuid) * 3
    ? SubtensorCustomError.RateLimitExceeded
    : undefined;
};

/** `result_to_validity`: the errors with a dedicated code; any other error is `BadRequest`. */
const CODE_OF_ERROR: Partial<Record<SubtensorErrorName, number>> = {
  AmountTooLow: SubtensorCustomError.StakeAmountTooLow,
  SubnetNotExists: SubtensorCustomError.SubnetDoesntExist,
  NotEnoughBalanceToStake: SubtensorCustomError.BalanceTooLow,
  HotKeyAccountNotExists: SubtensorCustomError.HotkeyAccountDoesntExist,
  NotEnoughStakeToWithdraw: SubtensorCustomError.NotEnoughStakeToWithdraw,
  InsufficientLiquidity: SubtensorCustomError.InsufficientLiquidity,
  SlippageTooHigh: SubtensorCustomError.SlippageTooHigh,
};

function toCustomCode(error: SubtensorErrorName | undefined): number | undefined {
  return error === undefined ? undefined : (CODE_OF_ERROR[error] ?? SubtensorCustomError.BadRequest);
}
