import type { Codec, INumber } from '@polkadot/types/types';
import { SUBTENSOR } from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';
import {
  activityCutoff,
  alphaValues,
  isDeclared,
  readAccount,
  readBig,
  readBool,
  readNum,
  subnetExists,
  subnetIdentity,
  subnetNetuids,
} from './chain-reads';

/** `get_subnet_info(netuid)` (spec-224 `SubnetInfo`); `network_connect` is deprecated and always empty. */
export function buildSubnetInfo(storage: Storage, netuid: number): Record<string, unknown> | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  return {
    netuid,
    rho: readNum(storage, 'rho', netuid),
    kappa: readNum(storage, 'kappa', netuid),
    difficulty: readBig(storage, 'difficulty', netuid),
    immunityPeriod: readNum(storage, 'immunityPeriod', netuid),
    maxAllowedValidators: readNum(storage, 'maxAllowedValidators', netuid),
    minAllowedWeights: readNum(storage, 'minAllowedWeights', netuid),
    maxWeightsLimit: readNum(storage, 'maxWeightsLimit', netuid),
    scalingLawPower: readNum(storage, 'scalingLawPower', netuid),
    subnetworkN: readNum(storage, 'subnetworkN', netuid),
    maxAllowedUids: readNum(storage, 'maxAllowedUids', netuid),
    blocksSinceLastStep: readBig(storage, 'blocksSinceLastStep', netuid),
    tempo: readNum(storage, 'tempo', netuid),
    networkModality: readNum(storage, 'networkModality', netuid),
    networkConnect: [],
    emissionValues: readBig(storage, 'emissionValues', netuid),
    burn: readBig(storage, 'burn', netuid),
    owner: readAccount(storage, 'subnetOwner', netuid),
  };
}

/** `get_subnet_info_v2(netuid)`: `SubnetInfo` with `emission_value` and the subnet identity. */
export function buildSubnetInfoV2(storage: Storage, netuid: number): Record<string, unknown> | null {
  const info = buildSubnetInfo(storage, netuid);
  if (info === null) {
    return null;
  }
  const { emissionValues, ...rest } = info;
  return { ...rest, emissionValue: emissionValues, identity: subnetIdentity(storage, netuid) };
}

/** `get_subnets_info(_v2)`: one entry per existing subnet, ascending. */
export function allSubnets<T>(storage: Storage, build: (storage: Storage, netuid: number) => T): T[] {
  return subnetNetuids(storage).map((netuid) => build(storage, netuid));
}

/** `get_subnet_hyperparams(netuid)` (spec-224 `SubnetHyperparams`). */
export function buildSubnetHyperparams(storage: Storage, netuid: number): Record<string, unknown> | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const { low, high } = alphaValues(storage, netuid);
  return {
    rho: readNum(storage, 'rho', netuid),
    kappa: readNum(storage, 'kappa', netuid),
    immunityPeriod: readNum(storage, 'immunityPeriod', netuid),
    minAllowedWeights: readNum(storage, 'minAllowedWeights', netuid),
    maxWeightsLimit: readNum(storage, 'maxWeightsLimit', netuid),
    tempo: readNum(storage, 'tempo', netuid),
    minDifficulty: readBig(storage, 'minDifficulty', netuid),
    maxDifficulty: readBig(storage, 'maxDifficulty', netuid),
    weightsVersion: readBig(storage, 'weightsVersionKey', netuid),
    weightsRateLimit: readBig(storage, 'weightsSetRateLimit', netuid),
    adjustmentInterval: readNum(storage, 'adjustmentInterval', netuid),
    activityCutoff: activityCutoff(storage, netuid),
    registrationAllowed: readBool(storage, 'networkRegistrationAllowed', netuid),
    targetRegsPerInterval: readNum(storage, 'targetRegistrationsPerInterval', netuid),
    minBurn: readBig(storage, 'minBurn', netuid),
    maxBurn: readBig(storage, 'maxBurn', netuid),
    bondsMovingAvg: readBig(storage, 'bondsMovingAverage', netuid),
    maxRegsPerBlock: readNum(storage, 'maxRegistrationsPerBlock', netuid),
    servingRateLimit: readBig(storage, 'servingRateLimit', netuid),
    maxValidators: readNum(storage, 'maxAllowedValidators', netuid),
    adjustmentAlpha: readBig(storage, 'adjustmentAlpha', netuid),
    difficulty: readBig(storage, 'difficulty', netuid),
    commitRevealPeriod: readBig(storage, 'revealPeriodEpochs', netuid),
    commitRevealWeightsEnabled: readBool(storage, 'commitRevealWeightsEnabled', netuid),
    alphaHigh: high,
    alphaLow: low,
    liquidAlphaEnabled: readBool(storage, 'liquidAlphaOn', netuid),
  };
}

/**
 * `get_subnet_hyperparams_v2(netuid)`: the 27 fields of `SubnetHyperparams`, then the sigmoid steepness
 * (`AlphaSigmoidSteepness` as an I32F32), the Yuma version (3 when `Yuma3On`), whether the subtoken is enabled,
 * transfers (`TransferToggle`), bonds reset (`BondsResetOn`) and user liquidity (always false at 424). Items the
 * served metadata lacks read as their zero value.
 */
export function buildSubnetHyperparamsV2(storage: Storage, netuid: number): Record<string, unknown> | null {
  const v1 = buildSubnetHyperparams(storage, netuid);
  if (v1 === null) {
    return null;
  }
  return {
    ...v1,
    alphaSigmoidSteepness: BigInt(readNum(storage, 'alphaSigmoidSteepness', netuid)) << 32n,
    yumaVersion: readBool(storage, 'yuma3On', netuid) ? 3 : 2,
    subnetIsActive: readBool(storage, 'subtokenEnabled', netuid),
    transfersEnabled: readBool(storage, 'transferToggle', netuid),
    bondsResetEnabled: readBool(storage, 'bondsResetOn', netuid),
    userLiquidityEnabled: false,
  };
}

type HyperparamVariant = 'Bool' | 'U16' | 'U32' | 'U64' | 'TaoBalance' | 'I32F32' | 'U64F64';

/**
 * `get_subnet_hyperparams_v3(netuid)`: named entries in the runtime's order (subtensor-today.md §1.7). Each
 * value's variant follows the item's storage type; burn half-life, burn multiplier, owner-cut switches and the
 * minimum childkey take are read from their items where the metadata declares them.
 */
export function buildHyperparamEntries(storage: Storage, netuid: number): { name: string; value: object }[] | null {
  const v2 = buildSubnetHyperparamsV2(storage, netuid);
  if (v2 === null) {
    return null;
  }
  const entry = (name: string, variant: HyperparamVariant, value: unknown) => ({
    name: `0x${Buffer.from(name, 'utf8').toString('hex')}`,
    value: { [variant]: value },
  });
  return [
    entry('kappa', 'U16', v2.kappa),
    entry('immunity_period', 'U16', v2.immunityPeriod),
    entry('min_allowed_weights', 'U16', v2.minAllowedWeights),
    entry('max_weights_limit', 'U16', v2.maxWeightsLimit),
    entry('tempo', 'U16', v2.tempo),
    entry('weights_version', 'U64', v2.weightsVersion),
    entry('weights_rate_limit', 'U64', v2.weightsRateLimit),
    entry('activity_cutoff', 'U64', v2.activityCutoff),
    entry('activity_cutoff_factor', 'U32', readNum(storage, 'activityCutoffFactorMilli', netuid)),
    entry('registration_allowed', 'Bool', v2.registrationAllowed),
    entry('target_regs_per_interval', 'U16', v2.targetRegsPerInterval),
    entry('min_burn', 'TaoBalance', v2.minBurn),
    entry('max_burn', 'TaoBalance', v2.maxBurn),
    entry('burn_half_life', 'U16', readNum(storage, 'burnHalfLife', netuid)),
    entry('burn_increase_mult', 'U64F64', { bits: fixedBits(storage, 'burnIncreaseMult', netuid) }),
    entry('bonds_moving_avg', 'U64', v2.bondsMovingAvg),
    entry('max_regs_per_block', 'U16', v2.maxRegsPerBlock),
    entry('serving_rate_limit', 'U64', v2.servingRateLimit),
    entry('max_validators', 'U16', v2.maxValidators),
    entry('commit_reveal_period', 'U64', v2.commitRevealPeriod),
    entry('commit_reveal_weights_enabled', 'Bool', v2.commitRevealWeightsEnabled),
    entry('alpha_high', 'U16', v2.alphaHigh),
    entry('alpha_low', 'U16', v2.alphaLow),
    entry('liquid_alpha_enabled', 'Bool', v2.liquidAlphaEnabled),
    entry('alpha_sigmoid_steepness', 'I32F32', { bits: v2.alphaSigmoidSteepness }),
    entry('yuma_version', 'U16', v2.yumaVersion),
    entry('subnet_is_active', 'Bool', v2.subnetIsActive),
    entry('transfers_enabled', 'Bool', v2.transfersEnabled),
    entry('bonds_reset_enabled', 'Bool', v2.bondsResetEnabled),
    entry('user_liquidity_enabled', 'Bool', false),
    entry('owner_cut_enabled', 'Bool', readBool(storage, 'ownerCutEnabled', netuid)),
    entry('owner_cut_auto_lock_enabled', 'Bool', readBool(storage, 'ownerCutAutoLockEnabled', netuid)),
    entry('min_childkey_take', 'U16', readNum(storage, 'minChildkeyTakePerSubnet', netuid)),
  ];
}

/** The raw bits of a fixed-point (`{ bits }`) storage value, 0 where the metadata lacks the item. */
function fixedBits(storage: Storage, item: string, netuid: number): bigint {
  if (!isDeclared(storage, item)) {
    return 0n;
  }
  return storage.get<Codec & { bits: INumber }>(SUBTENSOR, item, netuid).bits.toBigInt();
}
