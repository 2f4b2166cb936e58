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

/** A v3 value that is not the v2 field of the entry's name. */
type EntryValue = (storage: Storage, netuid: number, v2: Record<string, unknown>) => unknown;

/**
 * The v3 entries in the runtime's order (subtensor-today.md §1.7): name, variant, and where the value is not
 * the v2 field of the same name in camelCase, how it is read.
 */
const HYPERPARAM_ENTRIES: readonly (readonly [name: string, variant: HyperparamVariant, value?: EntryValue])[] = [
  ['kappa', 'U16'],
  ['immunity_period', 'U16'],
  ['min_allowed_weights', 'U16'],
  ['max_weights_limit', 'U16'],
  ['tempo', 'U16'],
  ['weights_version', 'U64'],
  ['weights_rate_limit', 'U64'],
  ['activity_cutoff', 'U64'],
  ['activity_cutoff_factor', 'U32', (storage, netuid) => readNum(storage, 'activityCutoffFactorMilli', netuid)],
  ['registration_allowed', 'Bool'],
  ['target_regs_per_interval', 'U16'],
  ['min_burn', 'TaoBalance'],
  ['max_burn', 'TaoBalance'],
  ['burn_half_life', 'U16', (storage, netuid) => readNum(storage, 'burnHalfLife', netuid)],
  ['burn_increase_mult', 'U64F64', (storage, netuid) => ({ bits: fixedBits(storage, 'burnIncreaseMult', netuid) })],
  ['bonds_moving_avg', 'U64'],
  ['max_regs_per_block', 'U16'],
  ['serving_rate_limit', 'U64'],
  ['max_validators', 'U16'],
  ['commit_reveal_period', 'U64'],
  ['commit_reveal_weights_enabled', 'Bool'],
  ['alpha_high', 'U16'],
  ['alpha_low', 'U16'],
  ['liquid_alpha_enabled', 'Bool'],
  ['alpha_sigmoid_steepness', 'I32F32', (_storage, _netuid, v2) => ({ bits: v2.alphaSigmoidSteepness })],
  ['yuma_version', 'U16'],
  ['subnet_is_active', 'Bool'],
  ['transfers_enabled', 'Bool'],
  ['bonds_reset_enabled', 'Bool'],
  ['user_liquidity_enabled', 'Bool', () => false],
  ['owner_cut_enabled', 'Bool', (storage, netuid) => readBool(storage, 'ownerCutEnabled', netuid)],
  ['owner_cut_auto_lock_enabled', 'Bool', (storage, netuid) => readBool(storage, 'ownerCutAutoLockEnabled', netuid)],
  ['min_childkey_take', 'U16', (storage, netuid) => readNum(storage, 'minChildkeyTakePerSubnet', netuid)],
];

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
  return HYPERPARAM_ENTRIES.map(([name, variant, value]) => ({
    name: `0x${Buffer.from(name, 'utf8').toString('hex')}`,
    value: { [variant]: value === undefined ? v2[camelCase(name)] : value(storage, netuid, v2) },
  }));
}

/** `snake_case` → `camelCase`: a v3 entry's name as its v2 field. */
function camelCase(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The raw bits of a fixed-point (`{ bits }`) storage value, 0 where the metadata lacks the item. */
function fixedBits(storage: Storage, item: string, netuid: number): bigint {
  if (!isDeclared(storage, item)) {
    return 0n;
  }
  return storage.get<Codec & { bits: INumber }>(SUBTENSOR, item, netuid).bits.toBigInt();
}
