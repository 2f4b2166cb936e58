import { SUBTENSOR_RUNTIME_API_METHODS } from '@taonode/chain';
import { networkLockCost } from '../../pallets/subtensor/registration/network-lock-cost';
import type { RuntimeApiMethod, RuntimeApiModule } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';
import { currentBlock } from './chain-reads';
import { buildDynamicInfo } from './dynamic-info';
import { buildMetagraph } from './metagraph';
import { allNeurons, neuronFull, neuronLite, oneNeuron } from './neuron-info';
import { decodeArguments, encodeResult } from './runtime-api-registry';
import { buildSelectiveMetagraph } from './selective-metagraph';
import { allSubnets, buildSubnetHyperparams, buildSubnetInfo, buildSubnetInfoV2 } from './subnet-info';
import { buildSubnetState } from './subnet-state';

type Methods = typeof SUBTENSOR_RUNTIME_API_METHODS;
type Trait = keyof Methods;

/** Values by method; encoded with the method's declared output type from `SUBTENSOR_RUNTIME_API_METHODS`. */
type Builders<T extends Trait> = { readonly [M in keyof Methods[T]]: (storage: Storage, args: unknown[]) => unknown };

const num = (value: unknown): number => Number(value);

const NEURON_INFO: Builders<'NeuronInfoRuntimeApi'> = {
  get_neurons_lite: (storage, [netuid]) => allNeurons(storage, num(netuid), neuronLite),
  get_neuron_lite: (storage, [netuid, uid]) => oneNeuron(storage, num(netuid), num(uid), neuronLite),
  get_neurons: (storage, [netuid]) => allNeurons(storage, num(netuid), neuronFull),
  get_neuron: (storage, [netuid, uid]) => oneNeuron(storage, num(netuid), num(uid), neuronFull),
};

const SUBNET_INFO: Builders<'SubnetInfoRuntimeApi'> = {
  get_subnet_info: (storage, [netuid]) => buildSubnetInfo(storage, num(netuid)),
  get_subnets_info: (storage) => allSubnets(storage, buildSubnetInfo),
  get_subnet_info_v2: (storage, [netuid]) => buildSubnetInfoV2(storage, num(netuid)),
  get_subnets_info_v2: (storage) => allSubnets(storage, buildSubnetInfoV2),
  get_subnet_hyperparams: (storage, [netuid]) => buildSubnetHyperparams(storage, num(netuid)),
  get_dynamic_info: (storage, [netuid]) => buildDynamicInfo(storage, num(netuid)),
  get_all_dynamic_info: (storage) => allSubnets(storage, buildDynamicInfo),
  get_metagraph: (storage, [netuid]) => buildMetagraph(storage, num(netuid)),
  get_all_metagraphs: (storage) => allSubnets(storage, buildMetagraph),
  get_subnet_state: (storage, [netuid]) => buildSubnetState(storage, num(netuid)),
  get_selective_metagraph: (storage, [netuid, indexes]) =>
    buildSelectiveMetagraph(storage, num(netuid), (indexes as number[]).map(num)),
  get_selective_mechagraph: (storage, [netuid, mechanism, indexes]) =>
    num(mechanism) === 0 ? buildSelectiveMetagraph(storage, num(netuid), (indexes as number[]).map(num), true) : null,
};

const SUBNET_REGISTRATION: Builders<'SubnetRegistrationRuntimeApi'> = {
  get_network_registration_cost: (storage) => networkLockCost(storage, Number(currentBlock(storage))),
};

function module<T extends Trait>(trait: T, builders: Builders<T>): RuntimeApiModule {
  const declared = SUBTENSOR_RUNTIME_API_METHODS[trait] as Record<string, { input: readonly string[]; output: string }>;
  const methods: Record<string, RuntimeApiMethod> = {};
  for (const [name, build] of Object.entries<(storage: Storage, args: unknown[]) => unknown>(builders)) {
    const types = declared[name];
    if (types === undefined) {
      continue;
    }
    methods[name] = (storage, args) => encodeResult(types.output, build(storage, decodeArguments(types.input, args)));
  }
  return { trait, version: 1, methods };
}

/**
 * The subtensor runtime APIs served through `state_call`, each at version 1 as the spec-224 runtime
 * advertises them. Results are the typed SCALE values (no `Vec<u8>` wrapper).
 */
export const subtensorRuntimeApis: RuntimeApiModule[] = [
  module('NeuronInfoRuntimeApi', NEURON_INFO),
  module('SubnetInfoRuntimeApi', SUBNET_INFO),
  module('SubnetRegistrationRuntimeApi', SUBNET_REGISTRATION),
];
