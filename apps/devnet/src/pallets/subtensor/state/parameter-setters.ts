import type { Storage } from '../../../state/storage';
import { write } from './subtensor-storage';

type EventSink = (pallet: string, event: string, fields: readonly unknown[]) => void;

/**
 * Per-subnet hyperparameters with the event the runtime's `set_*` helper (utils/misc.rs) emits when it
 * writes them; `undefined` where the helper writes silently. AdminUtils and `register_network` both go
 * through these, so each leaves the same events as on the real chain.
 */
export const SUBNET_PARAMETERS = {
  tempo: 'TempoSet',
  servingRateLimit: 'ServingRateLimitSet',
  minDifficulty: 'MinDifficultySet',
  maxDifficulty: 'MaxDifficultySet',
  weightsVersionKey: 'WeightsVersionKeySet',
  weightsSetRateLimit: 'WeightsSetRateLimitSet',
  adjustmentInterval: 'AdjustmentIntervalSet',
  adjustmentAlpha: 'AdjustmentAlphaSet',
  maxWeightsLimit: 'MaxWeightLimitSet',
  immunityPeriod: 'ImmunityPeriodSet',
  minAllowedWeights: 'MinAllowedWeightSet',
  maxAllowedUids: 'MaxAllowedUidsSet',
  kappa: 'KappaSet',
  rho: undefined,
  activityCutoff: 'ActivityCutoffSet',
  networkRegistrationAllowed: 'RegistrationAllowed',
  networkPowRegistrationAllowed: 'PowRegistrationAllowed',
  targetRegistrationsPerInterval: 'RegistrationPerIntervalSet',
  minBurn: 'MinBurnSet',
  maxBurn: 'MaxBurnSet',
  burn: undefined,
  difficulty: 'DifficultySet',
  maxAllowedValidators: 'MaxAllowedValidatorsSet',
  bondsMovingAverage: 'BondsMovingAverageSet',
  bondsPenalty: 'BondsPenaltySet',
  maxRegistrationsPerBlock: 'MaxRegistrationsPerBlockSet',
  commitRevealWeightsEnabled: undefined,
  revealPeriodEpochs: undefined,
  liquidAlphaOn: undefined,
} as const satisfies Record<string, string | undefined>;

export type SubnetParameter = keyof typeof SUBNET_PARAMETERS;

export function setSubnetParameter(
  storage: Storage,
  deposit: EventSink,
  parameter: SubnetParameter,
  netuid: number,
  value: number | bigint | boolean,
): void {
  write(storage, parameter, [netuid], value);
  const event = SUBNET_PARAMETERS[parameter];
  if (event !== undefined) {
    deposit('subtensorModule', event, [netuid, value]);
  }
}

/** Chain-wide values with the event their setter emits. */
export const GLOBAL_PARAMETERS = {
  txRateLimit: 'TxRateLimitSet',
  networkRateLimit: 'NetworkRateLimitSet',
  networkMinLockCost: 'NetworkMinLockCostSet',
  stakeThreshold: 'StakeThresholdSet',
  subnetLimit: 'SubnetLimitSet',
  subnetOwnerCut: 'SubnetOwnerCutSet',
  networkLockReductionInterval: 'NetworkLockCostReductionIntervalSet',
  networkImmunityPeriod: 'NetworkImmunityPeriodSet',
  nominatorMinRequiredStake: undefined,
  totalIssuance: undefined,
} as const satisfies Record<string, string | undefined>;

export type GlobalParameter = keyof typeof GLOBAL_PARAMETERS;

export function setGlobalParameter(
  storage: Storage,
  deposit: EventSink,
  parameter: GlobalParameter,
  value: number | bigint,
): void {
  write(storage, parameter, [], value);
  const event = GLOBAL_PARAMETERS[parameter];
  if (event !== undefined) {
    deposit('subtensorModule', event, [value]);
  }
}
