import type { PalletModule, RuntimeApiModule } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';

/** Hyperparameter overrides a genesis subnet may carry; anything omitted takes the devnet default. */
export interface SubnetHyperparameterOverrides {
  readonly tempo?: number;
  readonly burn?: string | number;
  readonly weightsSetRateLimit?: number;
  readonly commitRevealWeightsEnabled?: boolean;
  readonly revealPeriodEpochs?: number;
  readonly minAllowedWeights?: number;
  readonly maxWeightsLimit?: number;
  readonly maxAllowedUids?: number;
  readonly immunityPeriod?: number;
  readonly servingRateLimit?: number;
  readonly weightsVersionKey?: number;
  readonly maxAllowedValidators?: number;
  readonly activityCutoff?: number;
}

/** A neuron registered at genesis: its hotkey, the coldkey that owns it, and optional stake (alpha, rao). */
export interface GenesisNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  readonly stake?: string | number;
}

export interface GenesisSubnet {
  readonly netuid: number;
  readonly ownerColdkey: string;
  readonly ownerHotkey: string;
  readonly hyperparameters?: SubnetHyperparameterOverrides;
  readonly neurons?: readonly GenesisNeuron[];
}

export interface SubtensorGenesis {
  readonly subnets: readonly GenesisSubnet[];
}

export const subtensorPallet: PalletModule = { name: 'subtensorModule', calls: {} };
export const adminUtilsPallet: PalletModule = { name: 'adminUtils', calls: {} };

export function applySubtensorGenesis(storage: Storage, genesis: SubtensorGenesis): void {
  for (const subnet of genesis.subnets) {
    storage.set('subtensorModule', 'networksAdded', [subnet.netuid], true);
  }
}

export const subtensorRuntimeApis: RuntimeApiModule[] = [];

export const subtensorRpcMethods: Record<string, (storage: Storage, params: unknown[]) => unknown> = {};
