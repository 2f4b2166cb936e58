import { DispatchError } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';

/** The SubtensorModule error names this simulator raises, exactly as the spec-224 metadata names them. */
export const SUBTENSOR_ERROR_NAMES = [
  'SubNetworkDoesNotExist',
  'InvalidIpType',
  'InvalidIpAddress',
  'InvalidPort',
  'HotKeyNotRegisteredInSubNet',
  'HotKeyAccountNotExists',
  'HotKeyNotRegisteredInNetwork',
  'NonAssociatedColdKey',
  'NotEnoughStakeToWithdraw',
  'NotEnoughStakeToSetWeights',
  'NotEnoughBalanceToStake',
  'BalanceWithdrawalError',
  'ZeroBalanceAfterWithdrawn',
  'NeuronNoValidatorPermit',
  'WeightVecNotEqualSize',
  'DuplicateUids',
  'UidVecContainInvalidOne',
  'WeightVecLengthIsLow',
  'TooManyRegistrationsThisBlock',
  'HotKeyAlreadyRegisteredInSubNet',
  'MaxWeightExceeded',
  'SettingWeightsTooFast',
  'IncorrectWeightVersionKey',
  'ServingRateLimitExceeded',
  'UidsLengthExceedUidsInSubNet',
  'NetworkTxRateLimitExceeded',
  'SubNetRegistrationDisabled',
  'TooManyRegistrationsThisInterval',
  'RegistrationNotPermittedOnRootSubnet',
  'CanNotSetRootNetworkWeights',
  'NoNeuronIdAvailable',
  'NoWeightsCommitFound',
  'InvalidRevealCommitHashNotMatch',
  'CommitRevealEnabled',
  'CommitRevealDisabled',
  'MechanismDoesNotExist',
  'SubnetNotExists',
  'TooManyUnrevealedCommits',
  'ExpiredWeightCommit',
  'RevealTooEarly',
  'InputLengthsUnequal',
  'CommittingWeightsTooFast',
  'AmountTooLow',
  'InsufficientLiquidity',
  'SlippageTooHigh',
  'SubtokenDisabled',
  'FirstEmissionBlockNumberAlreadySet',
  'NeedWaitingMoreBlocksToStarCall',
  'IncorrectCommitRevealVersion',
] as const;

export type SubtensorErrorName = (typeof SUBTENSOR_ERROR_NAMES)[number];

/** A SubtensorModule dispatch error, encoded by the block builder with the metadata's index for `name`. */
export function subtensorError(name: SubtensorErrorName): DispatchError {
  return new DispatchError('subtensorModule', name);
}

/**
 * The error for a subnet that does not exist: `SubNetworkDoesNotExist` where the served metadata has it
 * (spec 233); spec 424 removed it and answers `since424` instead (set_weights: `MechanismDoesNotExist`,
 * registration: `SubnetNotExists`; subtensor-today.md §4.1, §6.1).
 */
export function subnetMissingError(
  storage: Storage,
  since424: 'MechanismDoesNotExist' | 'SubnetNotExists',
): SubtensorErrorName {
  return storage.runtime.decorated.errors.subtensorModule?.SubNetworkDoesNotExist ? 'SubNetworkDoesNotExist' : since424;
}

/** The runtime's `ensure!(condition, Error::<T>::name)`. */
export function ensure(condition: boolean, name: SubtensorErrorName): void {
  if (!condition) {
    throw subtensorError(name);
  }
}
