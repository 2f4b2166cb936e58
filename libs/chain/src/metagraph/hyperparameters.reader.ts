import type { ApiPromise } from '@polkadot/api';
import type { bool, Tuple, u16 } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { storageQuery, type StorageQuery } from '../client/storage-batch';
import type { SubnetHyperparameters } from './metagraph.types';

type Kind = 'number' | 'bigint' | 'bool';

/** Each hyperparameter and the `SubtensorModule` storage item (keyed by netuid) it comes from. */
const HYPERPARAMETER_ITEMS = {
  tempo: ['tempo', 'number'],
  immunityPeriod: ['immunityPeriod', 'number'],
  minAllowedWeights: ['minAllowedWeights', 'number'],
  maxWeightsLimit: ['maxWeightsLimit', 'number'],
  weightsVersionKey: ['weightsVersionKey', 'bigint'],
  weightsRateLimit: ['weightsSetRateLimit', 'number'],
  commitRevealWeightsEnabled: ['commitRevealWeightsEnabled', 'bool'],
  revealPeriodEpochs: ['revealPeriodEpochs', 'number'],
  servingRateLimit: ['servingRateLimit', 'number'],
  maxAllowedUids: ['maxAllowedUids', 'number'],
  maxAllowedValidators: ['maxAllowedValidators', 'number'],
  activityCutoff: ['activityCutoff', 'number'],
  registrationAllowed: ['networkRegistrationAllowed', 'bool'],
  burnRao: ['burn', 'bigint'],
  difficulty: ['difficulty', 'bigint'],
  rho: ['rho', 'number'],
  kappa: ['kappa', 'number'],
  minDifficulty: ['minDifficulty', 'bigint'],
  maxDifficulty: ['maxDifficulty', 'bigint'],
  minBurnRao: ['minBurn', 'bigint'],
  maxBurnRao: ['maxBurn', 'bigint'],
  adjustmentInterval: ['adjustmentInterval', 'number'],
  adjustmentAlpha: ['adjustmentAlpha', 'bigint'],
  targetRegistrationsPerInterval: ['targetRegistrationsPerInterval', 'number'],
  maxRegistrationsPerBlock: ['maxRegistrationsPerBlock', 'number'],
  bondsMovingAverage: ['bondsMovingAverage', 'bigint'],
  powRegistrationAllowed: ['networkPowRegistrationAllowed', 'bool'],
} as const satisfies Record<string, readonly [string, Kind]>;

type RequiredField = keyof typeof HYPERPARAMETER_ITEMS;
const REQUIRED_FIELDS = Object.keys(HYPERPARAMETER_ITEMS) as RequiredField[];

/**
 * The storage reads that make up a subnet's hyperparameters, to be batched with other reads at one block
 * (see `queryStorageAt`); {@link decodeHyperparameters} turns their values into {@link SubnetHyperparameters}.
 * Items a runtime lacks (liquid alpha) are left out and come back undefined.
 */
export function hyperparameterQueries(api: ApiPromise, netuid: number): StorageQuery[] {
  const queries = REQUIRED_FIELDS.map((field) =>
    storageQuery(storageEntry(api, 'subtensorModule', HYPERPARAMETER_ITEMS[field][0]), netuid),
  );
  const liquidAlpha = findStorageEntry(api, 'subtensorModule', 'liquidAlphaOn');
  const alphaValues = findStorageEntry(api, 'subtensorModule', 'alphaValues');
  const cutoffFactor = findStorageEntry(api, 'subtensorModule', ACTIVITY_CUTOFF_FACTOR);
  return [
    ...queries,
    ...(liquidAlpha === undefined ? [] : [storageQuery(liquidAlpha, netuid)]),
    ...(alphaValues === undefined ? [] : [storageQuery(alphaValues, netuid)]),
    ...(cutoffFactor === undefined ? [] : [storageQuery(cutoffFactor, netuid)]),
  ];
}

/**
 * Runtimes that declare `ActivityCutoffFactorMilli` (spec 424) derive the activity cutoff from it and the tempo,
 * `max(1, factor × tempo / 1000)` blocks (`utils/misc.rs`): the stored `ActivityCutoff` is no longer what the
 * epoch and the runtime APIs use.
 */
const ACTIVITY_CUTOFF_FACTOR = 'activityCutoffFactorMilli';

function effectiveActivityCutoff(factorMilli: number, tempo: number): number {
  return Math.max(1, Math.floor((factorMilli * tempo) / 1000));
}

function convert(value: Codec | undefined, kind: Kind): number | bigint | boolean {
  switch (kind) {
    case 'bool':
      return (value as bool | undefined)?.isTrue ?? false;
    case 'bigint':
      return BigInt(value?.toString() ?? '0');
    case 'number':
      return Number(value?.toString() ?? '0');
  }
}

/** Builds the hyperparameters from the values of {@link hyperparameterQueries} (same order). */
export function decodeHyperparameters(api: ApiPromise, values: readonly (Codec | undefined)[]): SubnetHyperparameters {
  const result: Record<string, unknown> = {};
  REQUIRED_FIELDS.forEach((field, index) => {
    result[field] = convert(values[index], HYPERPARAMETER_ITEMS[field][1]);
  });
  let next = REQUIRED_FIELDS.length;
  if (findStorageEntry(api, 'subtensorModule', 'liquidAlphaOn') !== undefined) {
    result.liquidAlphaEnabled = convert(values[next], 'bool');
    next += 1;
  }
  if (findStorageEntry(api, 'subtensorModule', 'alphaValues') !== undefined) {
    const pair = values[next] as Tuple | undefined;
    result.alphaLow = (pair?.[0] as u16 | undefined)?.toNumber() ?? 0;
    result.alphaHigh = (pair?.[1] as u16 | undefined)?.toNumber() ?? 0;
    next += 1;
  }
  if (findStorageEntry(api, 'subtensorModule', ACTIVITY_CUTOFF_FACTOR) !== undefined) {
    result.activityCutoff = effectiveActivityCutoff(convert(values[next], 'number') as number, result.tempo as number);
  }
  return result as unknown as SubnetHyperparameters;
}
