import { SUBTENSOR_RUNTIME_API_METHODS } from '@taonode/chain';
import { networkLockCost } from '../../pallets/subtensor/registration/network-lock-cost';
import type { RuntimeApiRegistry } from '../../runtime-apis/runtime-api-registry';
import { currentBlock } from '../../runtime-apis/subtensor/chain-reads';
import { encodeArguments } from '../../runtime-apis/subtensor/runtime-api-registry';
import type { Storage } from '../../state/storage';

/**
 * A custom JSON-RPC method: positional params (the trailing optional block hash is resolved by the caller),
 * answered through the runtime APIs the devnet serves (so in the served metadata's layouts).
 */
export type SubtensorRpcMethod = (storage: Storage, params: unknown[], apis: RuntimeApiRegistry) => unknown;

export class SubtensorRpcParamsError extends Error {
  readonly code = 'TAONODE_DEVNET_RPC_PARAMS';
}

/**
 * Calls a runtime API method with JSON params encoded as its SCALE argument tuple and answers as the node's
 * wrappers do: the SCALE bytes of the result (`result.encode()`) serialised as a JSON array of numbers.
 */
function viaRuntimeApi(trait: keyof typeof SUBTENSOR_RUNTIME_API_METHODS, method: string): SubtensorRpcMethod {
  return (storage, params, apis) => {
    const declared = (SUBTENSOR_RUNTIME_API_METHODS[trait] as Record<string, { input: readonly string[] }>)[method];
    if (!declared) {
      throw new Error(`${trait}_${method} is not served`);
    }
    const args = params.slice(0, declared.input.length);
    if (args.length !== declared.input.length || args.some((value) => value === undefined || value === null)) {
      throw new SubtensorRpcParamsError(
        `expected ${declared.input.length} parameter(s) before the optional block hash`,
      );
    }
    return [...apis.call(`${trait}_${method}`, storage, encodeArguments(declared.input, args))];
  };
}

/**
 * subtensor's custom RPCs (`pallets/subtensor/rpc`), by method name, as the spec-224 node registers them
 * (including its `subnetInfo_getSubnetsInf_v2` spelling), plus `subnetInfo_getSelectiveMetagraph` as at HEAD.
 */
export const subtensorRpcMethods: Readonly<Record<string, SubtensorRpcMethod>> = {
  neuronInfo_getNeuronsLite: viaRuntimeApi('NeuronInfoRuntimeApi', 'get_neurons_lite'),
  neuronInfo_getNeuronLite: viaRuntimeApi('NeuronInfoRuntimeApi', 'get_neuron_lite'),
  neuronInfo_getNeurons: viaRuntimeApi('NeuronInfoRuntimeApi', 'get_neurons'),
  neuronInfo_getNeuron: viaRuntimeApi('NeuronInfoRuntimeApi', 'get_neuron'),
  subnetInfo_getSubnetInfo: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnet_info'),
  subnetInfo_getSubnetsInfo: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnets_info'),
  subnetInfo_getSubnetInfo_v2: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnet_info_v2'),
  subnetInfo_getSubnetsInf_v2: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnets_info_v2'),
  subnetInfo_getSubnetHyperparams: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnet_hyperparams'),
  subnetInfo_getAllDynamicInfo: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_all_dynamic_info'),
  subnetInfo_getDynamicInfo: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_dynamic_info'),
  subnetInfo_getAllMetagraphs: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_all_metagraphs'),
  subnetInfo_getMetagraph: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_metagraph'),
  subnetInfo_getSubnetState: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_subnet_state'),
  subnetInfo_getSelectiveMetagraph: viaRuntimeApi('SubnetInfoRuntimeApi', 'get_selective_metagraph'),
  /** `subnetInfo_getLockCost` answers the u64 itself, not bytes. */
  subnetInfo_getLockCost: (storage) => Number(networkLockCost(storage, Number(currentBlock(storage)))),
};
