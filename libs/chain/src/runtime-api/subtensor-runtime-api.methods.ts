/**
 * Each subtensor runtime API method the devnet serves and our readers call: its SCALE argument types in order
 * (the `state_call` data is their concatenation) and its result type, one of the layouts in
 * `SUBTENSOR_RUNTIME_API_TYPES` (decode the answer of `<trait>_<method>` with `registry.createType(output, bytes)`).
 */
export const SUBTENSOR_RUNTIME_API_METHODS = {
  NeuronInfoRuntimeApi: {
    get_neurons_lite: { input: ['u16'], output: 'Vec<TaonodeNeuronInfoLite>' },
    get_neuron_lite: { input: ['u16', 'u16'], output: 'Option<TaonodeNeuronInfoLite>' },
    get_neurons: { input: ['u16'], output: 'Vec<TaonodeNeuronInfo>' },
    get_neuron: { input: ['u16', 'u16'], output: 'Option<TaonodeNeuronInfo>' },
  },
  SubnetInfoRuntimeApi: {
    get_subnet_info: { input: ['u16'], output: 'Option<TaonodeSubnetInfo>' },
    get_subnets_info: { input: [], output: 'Vec<Option<TaonodeSubnetInfo>>' },
    get_subnet_info_v2: { input: ['u16'], output: 'Option<TaonodeSubnetInfoV2>' },
    get_subnets_info_v2: { input: [], output: 'Vec<Option<TaonodeSubnetInfoV2>>' },
    get_subnet_hyperparams: { input: ['u16'], output: 'Option<TaonodeSubnetHyperparams>' },
    get_dynamic_info: { input: ['u16'], output: 'Option<TaonodeDynamicInfo>' },
    get_all_dynamic_info: { input: [], output: 'Vec<Option<TaonodeDynamicInfo>>' },
    get_metagraph: { input: ['u16'], output: 'Option<TaonodeMetagraph>' },
    get_all_metagraphs: { input: [], output: 'Vec<Option<TaonodeMetagraph>>' },
    get_subnet_state: { input: ['u16'], output: 'Option<TaonodeSubnetState>' },
    get_selective_metagraph: { input: ['u16', 'Vec<u16>'], output: 'Option<TaonodeSelectiveMetagraph>' },
    get_selective_mechagraph: { input: ['u16', 'u8', 'Vec<u16>'], output: 'Option<TaonodeSelectiveMetagraph>' },
  },
  SubnetRegistrationRuntimeApi: {
    get_network_registration_cost: { input: [], output: 'u64' },
  },
} as const;

const neuronInfo = SUBTENSOR_RUNTIME_API_METHODS.NeuronInfoRuntimeApi;

/** The `NeuronInfoRuntimeApi` methods the metagraph readers call through `state_call`, by our names. */
export const NEURON_INFO_API = {
  trait: 'NeuronInfoRuntimeApi',
  getNeuronsLite: { method: 'get_neurons_lite', output: neuronInfo.get_neurons_lite.output },
  getNeuronLite: { method: 'get_neuron_lite', output: neuronInfo.get_neuron_lite.output },
  getNeurons: { method: 'get_neurons', output: neuronInfo.get_neurons.output },
  getNeuron: { method: 'get_neuron', output: neuronInfo.get_neuron.output },
} as const;
