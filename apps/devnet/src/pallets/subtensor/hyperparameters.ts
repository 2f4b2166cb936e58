import type { Storage } from '../../state/storage';
import { write } from './state/subtensor-storage';

/** Hyperparameters a genesis subnet may set; each maps to the SubtensorModule storage item of the same name. */
export interface SubnetHyperparameters {
  readonly tempo: number;
  readonly burn: bigint;
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
  readonly weightsSetRateLimit: number;
  readonly commitRevealWeightsEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly minAllowedWeights: number;
  readonly maxWeightsLimit: number;
  readonly maxAllowedUids: number;
  readonly maxAllowedValidators: number;
  readonly immunityPeriod: number;
  readonly servingRateLimit: number;
  readonly weightsVersionKey: bigint;
  readonly activityCutoff: number;
  readonly kappa: number;
  readonly rho: number;
  readonly maxRegistrationsPerBlock: number;
  readonly targetRegistrationsPerInterval: number;
  readonly adjustmentInterval: number;
  readonly adjustmentAlpha: bigint;
  readonly difficulty: bigint;
  readonly networkRegistrationAllowed: boolean;
  readonly networkPowRegistrationAllowed: boolean;
}

/**
 * Dev-friendly defaults for genesis subnets, chosen so tests and the local demo move quickly:
 * - tempo 10 (the fast-runtime value the localnet image uses): an epoch every 11 blocks (every 10 on spec 424);
 * - burn 0.001 TAO, pinned by `minBurn` (the registration price adjustment can only lower it toward `minBurn`
 *   unless a subnet takes more than 100 registrations per 100-block interval);
 * - weights rate limit 1 block, serving rate limit 0 (off), commit-reveal off with a 1-epoch reveal period;
 * - up to 64 registrations per block, so a 256-uid subnet fills in four blocks;
 * - the rest as `init_new_network` sets them for a new subnet (256 uids, 64 validators, min 1 weight, no
 *   max-weight limit, immunity 5000 blocks) or as the spec-224 storage defaults (kappa 32767, rho 10,
 *   activity cutoff 5000).
 */
export const DEV_SUBNET_HYPERPARAMETERS: SubnetHyperparameters = {
  tempo: 10,
  burn: 1_000_000n,
  minBurn: 1_000_000n,
  maxBurn: 100_000_000_000n,
  weightsSetRateLimit: 1,
  commitRevealWeightsEnabled: false,
  revealPeriodEpochs: 1,
  minAllowedWeights: 1,
  maxWeightsLimit: 65535,
  maxAllowedUids: 256,
  maxAllowedValidators: 64,
  immunityPeriod: 5000,
  servingRateLimit: 0,
  weightsVersionKey: 0n,
  activityCutoff: 5000,
  kappa: 32767,
  rho: 10,
  maxRegistrationsPerBlock: 64,
  targetRegistrationsPerInterval: 100,
  adjustmentInterval: 100,
  adjustmentAlpha: 0n,
  difficulty: 10_000_000n,
  networkRegistrationAllowed: true,
  networkPowRegistrationAllowed: false,
};

export function writeSubnetHyperparameters(storage: Storage, netuid: number, parameters: SubnetHyperparameters): void {
  for (const [item, value] of Object.entries(parameters)) {
    write(storage, item, [netuid], value);
  }
}
