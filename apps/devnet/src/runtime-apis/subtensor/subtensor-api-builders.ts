import { networkLockCost } from '../../pallets/subtensor/registration/network-lock-cost';
import { readOptional } from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';
import { currentBlock } from './chain-reads';
import { allDelegates, delegatedBy, delegateInfo } from './delegate-info';
import { buildDynamicInfo } from './dynamic-info';
import { buildMetagraph } from './metagraph';
import { allNeurons, neuronFull, neuronLite, oneNeuron } from './neuron-info';
import { nextEpochStartBlock } from './next-epoch-start';
import { selectMetagraph } from './selective-metagraph';
import { stakeAvailability, stakeInfoFor, stakeInfosForColdkey, stakeInfosForColdkeys } from './stake-info';
import {
  allSubnets,
  buildHyperparamEntries,
  buildSubnetHyperparams,
  buildSubnetHyperparamsV2,
  buildSubnetInfo,
  buildSubnetInfoV2,
} from './subnet-info';
import { buildSubnetState } from './subnet-state';
import { alphaPrice, alphaPrices, simulateSwap } from './swap-info';

/** A runtime API method's answer as a plain value, from storage and its decoded arguments (JSON form). */
export type ApiBuilder = (storage: Storage, args: readonly unknown[]) => unknown;

const num = (value: unknown): number => Number(value);
const text = (value: unknown): string => String(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Every subtensor runtime API method the devnet computes, by trait and method. Which of them are served, and
 * with which types, depends on the metadata (see `createSubtensorRuntimeApis`); the values are the same.
 */
export const SUBTENSOR_API_BUILDERS: Readonly<Record<string, Readonly<Record<string, ApiBuilder>>>> = {
  DelegateInfoRuntimeApi: {
    get_delegates: (storage) => allDelegates(storage),
    get_delegate: (storage, [hotkey]) => delegateInfo(storage, text(hotkey)),
    get_delegated: (storage, [coldkey]) => delegatedBy(storage, text(coldkey)),
  },
  NeuronInfoRuntimeApi: {
    get_neurons_lite: (storage, [netuid]) => allNeurons(storage, num(netuid), neuronLite),
    get_neuron_lite: (storage, [netuid, uid]) => oneNeuron(storage, num(netuid), num(uid), neuronLite),
    get_neurons: (storage, [netuid]) => allNeurons(storage, num(netuid), neuronFull),
    get_neuron: (storage, [netuid, uid]) => oneNeuron(storage, num(netuid), num(uid), neuronFull),
  },
  SubnetInfoRuntimeApi: {
    get_subnet_info: (storage, [netuid]) => buildSubnetInfo(storage, num(netuid)),
    get_subnets_info: (storage) => allSubnets(storage, buildSubnetInfo),
    get_subnet_info_v2: (storage, [netuid]) => buildSubnetInfoV2(storage, num(netuid)),
    get_subnets_info_v2: (storage) => allSubnets(storage, buildSubnetInfoV2),
    get_subnet_hyperparams: (storage, [netuid]) => buildSubnetHyperparams(storage, num(netuid)),
    get_subnet_hyperparams_v2: (storage, [netuid]) => buildSubnetHyperparamsV2(storage, num(netuid)),
    get_subnet_hyperparams_v3: (storage, [netuid]) => buildHyperparamEntries(storage, num(netuid)),
    get_dynamic_info: (storage, [netuid]) => buildDynamicInfo(storage, num(netuid)),
    get_all_dynamic_info: (storage) => allSubnets(storage, buildDynamicInfo),
    get_metagraph: (storage, [netuid]) => buildMetagraph(storage, num(netuid)),
    get_all_metagraphs: (storage) => allSubnets(storage, buildMetagraph),
    // One mechanism per subnet (mechanism 0 is the subnet's own storage index): the mechagraphs are the metagraphs.
    get_mechagraph: (storage, [netuid, mecid]) => (num(mecid) === 0 ? buildMetagraph(storage, num(netuid)) : null),
    get_all_mechagraphs: (storage) => allSubnets(storage, buildMetagraph),
    get_subnet_state: (storage, [netuid]) => buildSubnetState(storage, num(netuid)),
    get_selective_metagraph: (storage, [netuid, indexes]) =>
      selectMetagraph(storage, num(netuid), list(indexes).map(num)),
    get_selective_mechagraph: (storage, [netuid, mecid, indexes]) =>
      num(mecid) === 0 ? selectMetagraph(storage, num(netuid), list(indexes).map(num), true) : null,
    get_next_epoch_start_block: (storage, [netuid]) => nextEpochStartBlock(storage, num(netuid)),
    get_coldkey_auto_stake_hotkey: (storage, [coldkey, netuid]) =>
      readOptional(storage, 'autoStakeDestination', text(coldkey), num(netuid))?.toString() ?? null,
  },
  StakeInfoRuntimeApi: {
    get_stake_info_for_coldkey: (storage, [coldkey]) => stakeInfosForColdkey(storage, text(coldkey)),
    get_stake_info_for_coldkeys: (storage, [coldkeys]) => stakeInfosForColdkeys(storage, list(coldkeys).map(text)),
    get_stake_info_for_hotkey_coldkey_netuid: (storage, [hotkey, coldkey, netuid]) =>
      stakeInfoFor(storage, text(hotkey), text(coldkey), num(netuid)),
    get_stake_availability_for_coldkeys: (storage, [coldkeys, netuids]) =>
      stakeAvailability(storage, list(coldkeys).map(text), netuids === null ? null : list(netuids).map(num)),
  },
  SubnetRegistrationRuntimeApi: {
    get_network_registration_cost: (storage) => networkLockCost(storage, Number(currentBlock(storage))),
  },
  SwapRuntimeApi: {
    current_alpha_price: (storage, [netuid]) => alphaPrice(storage, num(netuid)),
    current_alpha_price_all: (storage) => alphaPrices(storage),
    sim_swap_tao_for_alpha: (storage, [netuid, tao]) =>
      simulateSwap(storage, num(netuid), BigInt(String(tao)), 'taoForAlpha'),
    sim_swap_alpha_for_tao: (storage, [netuid, alpha]) =>
      simulateSwap(storage, num(netuid), BigInt(String(alpha)), 'alphaForTao'),
  },
};

/** The traits whose methods the devnet answers from subtensor state (other traits the metadata lists are not subtensor's). */
export const SUBTENSOR_TRAITS = [
  'DelegateInfoRuntimeApi',
  'NeuronInfoRuntimeApi',
  'SubnetInfoRuntimeApi',
  'StakeInfoRuntimeApi',
  'SubnetRegistrationRuntimeApi',
  'SwapRuntimeApi',
] as const;
