import type { Storage } from '../../state/storage';
import {
  alphaValues,
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
    activityCutoff: readNum(storage, 'activityCutoff', netuid),
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
