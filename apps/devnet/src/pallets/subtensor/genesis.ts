import type { INumber } from '@polkadot/types/types';
import type { Storage } from '../../state/storage';
import { seedEpochSchedule } from './epoch/epoch-schedule';
import { DEV_SUBNET_HYPERPARAMETERS, writeSubnetHyperparameters, type SubnetHyperparameters } from './hyperparameters';
import { appendNeuron } from './registration/register-neuron';
import { defaultSubnetSymbol } from './registration/subnet-identity-defaults';
import { AlphaSharePool } from './state/alpha-share-pool';
import { appendUnique, createHotkeyAccountIfMissing } from './state/hotkey-accounts';
import { addBig, isDeclared, readNum, write } from './state/subtensor-storage';
import { setAt } from './state/uid-vectors';

type Amount = string | number | bigint;

/** A neuron registered at genesis (uid in list order after the owner's uid 0). */
export interface GenesisNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  /** Alpha (rao) the coldkey stakes on the hotkey from genesis. */
  readonly stake?: Amount;
  /** Grant a validator permit from genesis (the first epoch recomputes permits from stake). */
  readonly validatorPermit?: boolean;
}

export interface GenesisSubnet {
  readonly netuid: number;
  readonly ownerColdkey: string;
  readonly ownerHotkey: string;
  /** Alpha (rao) the owner stakes on its hotkey. */
  readonly ownerStake?: Amount;
  /** Overrides of `DEV_SUBNET_HYPERPARAMETERS`, by storage item name (amounts as decimal strings or numbers). */
  readonly hyperparameters?: Partial<Record<keyof SubnetHyperparameters, Amount | boolean>>;
  /** TAO and alpha (rao) seeding each side of the subnet pool; 10 TAO as in the runtime's genesis. */
  readonly poolReserve?: Amount;
  readonly neurons?: readonly GenesisNeuron[];
}

export interface SubtensorGenesis {
  readonly subnets: readonly GenesisSubnet[];
  /** Blocks between subnet registrations (`NetworkRateLimit`); 1 on the devnet (7200 on chain). */
  readonly networkRateLimit?: Amount;
  /** `NetworkMinLockCost`, the floor of the subnet registration lock; the runtime default when absent. */
  readonly networkMinLockCost?: Amount;
  /** `StakeThreshold`, the stake needed to set weights; 0 when absent. */
  readonly stakeThreshold?: Amount;
}

const DEFAULT_POOL_RESERVE = 10_000_000_000n;

/**
 * Builds SubtensorModule's genesis state as the runtime's `genesis_build` does — the root network (netuid 0)
 * plus each subnet, dynamic (mechanism 1), with its pool, owner and neurons — and mirrors
 * `Balances.TotalIssuance` into SubtensorModule's `TotalIssuance`, so apply it after the balances genesis.
 */
export function applySubtensorGenesis(storage: Storage, genesis: SubtensorGenesis): void {
  write(storage, 'totalIssuance', [], storage.get<INumber>('balances', 'totalIssuance').toBigInt());
  write(storage, 'networkRateLimit', [], BigInt(genesis.networkRateLimit ?? 1));
  if (genesis.networkMinLockCost !== undefined) {
    write(storage, 'networkMinLockCost', [], BigInt(genesis.networkMinLockCost));
    write(storage, 'networkLastLockCost', [], BigInt(genesis.networkMinLockCost));
  }
  if (genesis.stakeThreshold !== undefined) {
    write(storage, 'stakeThreshold', [], BigInt(genesis.stakeThreshold));
  }
  // The commit-reveal version the timelocked commits must carry (spec 424: 4), written as the runtime's
  // genesis leaves it so clients read it back from storage.
  if (isDeclared(storage, 'commitRevealWeightsVersion')) {
    write(storage, 'commitRevealWeightsVersion', [], readNum(storage, 'commitRevealWeightsVersion'));
  }
  addRootNetwork(storage);
  for (const subnet of genesis.subnets) {
    addSubnet(storage, subnet);
  }
}

function addRootNetwork(storage: Storage): void {
  write(storage, 'networksAdded', [0], true);
  write(storage, 'totalNetworks', [], readNum(storage, 'totalNetworks') + 1);
  write(storage, 'subnetworkN', [0], 0);
  write(storage, 'maxAllowedUids', [0], 64);
  write(storage, 'maxAllowedValidators', [0], 64);
  write(storage, 'minAllowedWeights', [0], 0);
  write(storage, 'maxWeightsLimit', [0], 65535);
  write(storage, 'tempo', [0], 100);
  write(storage, 'networkRegistrationAllowed', [0], true);
  write(storage, 'targetRegistrationsPerInterval', [0], 1);
}

function addSubnet(storage: Storage, subnet: GenesisSubnet): void {
  const { netuid } = subnet;
  if (netuid === 0) {
    throw new RangeError('genesis subnets start at netuid 1; netuid 0 is the root network');
  }
  const parameters = { ...DEV_SUBNET_HYPERPARAMETERS, ...normalizeOverrides(subnet.hyperparameters ?? {}) };
  write(storage, 'networksAdded', [netuid], true);
  write(storage, 'totalNetworks', [], readNum(storage, 'totalNetworks') + 1);
  write(storage, 'subnetworkN', [netuid], 0);
  write(storage, 'networkModality', [netuid], 0);
  write(storage, 'subnetMechanism', [netuid], 1);
  write(storage, 'networkRegisteredAt', [netuid], 0);
  write(storage, 'tokenSymbol', [netuid], defaultSubnetSymbol(netuid));
  writeSubnetHyperparameters(storage, netuid, parameters);
  seedEpochSchedule(storage, netuid, 0);
  // Genesis subnets are started (`start_call` done) so that they emit and accept stake from block 1, as the
  // first block after a `start_call` at genesis would be.
  write(storage, 'firstEmissionBlockNumber', [netuid], 1);
  write(storage, 'subtokenEnabled', [netuid], true);
  const reserve = BigInt(subnet.poolReserve ?? DEFAULT_POOL_RESERVE);
  write(storage, 'subnetTAO', [netuid], reserve);
  write(storage, 'subnetAlphaIn', [netuid], reserve);
  write(storage, 'subnetOwner', [netuid], subnet.ownerColdkey);
  write(storage, 'subnetOwnerHotkey', [netuid], subnet.ownerHotkey);
  write(storage, 'subnetLocked', [netuid], 1);
  write(storage, 'largestLocked', [netuid], 1);

  const neurons: GenesisNeuron[] = [
    { hotkey: subnet.ownerHotkey, coldkey: subnet.ownerColdkey, stake: subnet.ownerStake },
    ...(subnet.neurons ?? []),
  ];
  for (const neuron of neurons) {
    addNeuron(storage, netuid, neuron);
  }
}

function addNeuron(storage: Storage, netuid: number, neuron: GenesisNeuron): void {
  createHotkeyAccountIfMissing(storage, neuron.coldkey, neuron.hotkey);
  const uid = readNum(storage, 'subnetworkN', netuid);
  appendNeuron(storage, netuid, neuron.hotkey, 0);
  if (neuron.validatorPermit) {
    setAt(storage, 'validatorPermit', netuid, uid, true);
  }
  const stake = BigInt(neuron.stake ?? 0);
  if (stake > 0n) {
    new AlphaSharePool(storage, neuron.hotkey, netuid).updateValueForOne(neuron.coldkey, stake);
    addBig(storage, 'subnetAlphaOut', [netuid], stake);
    appendUnique(storage, 'stakingHotkeys', neuron.coldkey, neuron.hotkey);
  }
}

function normalizeOverrides(
  overrides: Partial<Record<keyof SubnetHyperparameters, Amount | boolean>>,
): Partial<SubnetHyperparameters> {
  const normalized: Record<string, number | bigint | boolean> = {};
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) {
      continue;
    }
    const reference = DEV_SUBNET_HYPERPARAMETERS[key as keyof SubnetHyperparameters];
    if (reference === undefined) {
      throw new RangeError(`unknown subnet hyperparameter ${key}`);
    }
    normalized[key] =
      typeof reference === 'boolean' ? Boolean(value) : typeof reference === 'bigint' ? BigInt(value) : Number(value);
  }
  return normalized;
}
