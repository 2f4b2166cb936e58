/**
 * SCALE layouts of the subtensor runtime API results we decode (subtensor.md §6.4, protocol.md §5), as
 * @polkadot/types definitions. Names carry a `Taonode` prefix so they never collide with types the chain
 * metadata registers. Field order is the wire order; names are ours.
 */
export const SUBTENSOR_RUNTIME_API_TYPES = {
  TaonodeAxonInfo: {
    block: 'u64',
    version: 'u32',
    ip: 'u128',
    port: 'u16',
    ipType: 'u8',
    protocol: 'u8',
    placeholder1: 'u8',
    placeholder2: 'u8',
  },
  TaonodePrometheusInfo: {
    block: 'u64',
    version: 'u32',
    ip: 'u128',
    port: 'u16',
    ipType: 'u8',
  },
  TaonodeNeuronInfoLite: {
    hotkey: 'AccountId32',
    coldkey: 'AccountId32',
    uid: 'Compact<u16>',
    netuid: 'Compact<u16>',
    active: 'bool',
    axonInfo: 'TaonodeAxonInfo',
    prometheusInfo: 'TaonodePrometheusInfo',
    stake: 'Vec<(AccountId32, Compact<u64>)>',
    rank: 'Compact<u16>',
    emission: 'Compact<u64>',
    incentive: 'Compact<u16>',
    consensus: 'Compact<u16>',
    trust: 'Compact<u16>',
    validatorTrust: 'Compact<u16>',
    dividends: 'Compact<u16>',
    lastUpdate: 'Compact<u64>',
    validatorPermit: 'bool',
    pruningScore: 'Compact<u16>',
  },
  TaonodeNeuronInfo: {
    hotkey: 'AccountId32',
    coldkey: 'AccountId32',
    uid: 'Compact<u16>',
    netuid: 'Compact<u16>',
    active: 'bool',
    axonInfo: 'TaonodeAxonInfo',
    prometheusInfo: 'TaonodePrometheusInfo',
    stake: 'Vec<(AccountId32, Compact<u64>)>',
    rank: 'Compact<u16>',
    emission: 'Compact<u64>',
    incentive: 'Compact<u16>',
    consensus: 'Compact<u16>',
    trust: 'Compact<u16>',
    validatorTrust: 'Compact<u16>',
    dividends: 'Compact<u16>',
    lastUpdate: 'Compact<u64>',
    validatorPermit: 'bool',
    weights: 'Vec<(Compact<u16>, Compact<u16>)>',
    bonds: 'Vec<(Compact<u16>, Compact<u16>)>',
    pruningScore: 'Compact<u16>',
  },
} as const;

/** Runtime API methods we call through `state_call`, with the SCALE type of their result. */
export const NEURON_INFO_API = {
  trait: 'NeuronInfoRuntimeApi',
  getNeuronsLite: { method: 'get_neurons_lite', output: 'Vec<TaonodeNeuronInfoLite>' },
  getNeuronLite: { method: 'get_neuron_lite', output: 'Option<TaonodeNeuronInfoLite>' },
  getNeurons: { method: 'get_neurons', output: 'Vec<TaonodeNeuronInfo>' },
  getNeuron: { method: 'get_neuron', output: 'Option<TaonodeNeuronInfo>' },
} as const;

/** An axon or prometheus endpoint as a runtime API returns it (raw: the IP is still the u128). */
export interface RawEndpointInfo {
  readonly block: bigint;
  readonly version: number;
  readonly ip: bigint;
  readonly port: number;
  readonly ipType: number;
  readonly protocol: number;
}

/** `NeuronInfoLite` decoded: accounts as SS58, u16 scores and u64 amounts as the chain stores them. */
export interface RawNeuronInfoLite {
  readonly hotkey: string;
  readonly coldkey: string;
  readonly uid: number;
  readonly netuid: number;
  readonly active: boolean;
  readonly axon: RawEndpointInfo;
  readonly prometheus: RawEndpointInfo;
  /** `(coldkey, rao)` pairs; at HEAD one entry holding the hotkey's alpha on the subnet. */
  readonly stake: readonly (readonly [string, bigint])[];
  readonly rank: number;
  readonly emission: bigint;
  readonly incentive: number;
  readonly consensus: number;
  readonly trust: number;
  readonly validatorTrust: number;
  readonly dividends: number;
  readonly lastUpdate: bigint;
  readonly validatorPermit: boolean;
  readonly pruningScore: number;
}

/** `NeuronInfo`: the lite fields plus this neuron's weight and bond rows as `(uid, u16)` pairs. */
export interface RawNeuronInfo extends RawNeuronInfoLite {
  readonly weights: readonly (readonly [number, number])[];
  readonly bonds: readonly (readonly [number, number])[];
}
