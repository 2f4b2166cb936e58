/**
 * SCALE layouts of the subtensor runtime API results (subtensor.md §6.4, protocol.md §5), as @polkadot/types
 * definitions: the devnet encodes its answers with them, the readers here decode with them (`ScaleReader`), and
 * any client can `registry.register(...)` them. Field order is the wire order
 * (`pallets/subtensor/src/rpc_info/*.rs` of the spec-224/233 runtime whose metadata the devnet serves); names
 * carry a `Taonode` prefix so they never collide with types the chain metadata registers.
 *
 * `I96F32` values (moving prices) are carried as their raw `i128` bits: value = bits / 2^32.
 */
const prometheusInfo = { block: 'u64', version: 'u32', ip: 'u128', port: 'u16', ipType: 'u8' } as const;

/** `AxonInfo` is `PrometheusInfo` followed by the protocol byte and two reserved bytes. */
const axonInfo = { ...prometheusInfo, protocol: 'u8', placeholder1: 'u8', placeholder2: 'u8' } as const;

/** `SubnetIdentityV2` up to `additional`; V3 inserts `logoUrl` before it. */
const subnetIdentityHead = {
  subnetName: 'Bytes',
  githubRepo: 'Bytes',
  subnetContact: 'Bytes',
  subnetUrl: 'Bytes',
  discord: 'Bytes',
  description: 'Bytes',
} as const;

/**
 * The fields `SubnetInfo` and `SubnetInfoV2` share, with the emission field's name (plural in V1, singular in
 * V2) as the only difference; V2 appends the subnet identity.
 */
function subnetInfoFields(emissionField: 'emissionValues' | 'emissionValue'): Record<string, string> {
  return {
    netuid: 'Compact<u16>',
    rho: 'Compact<u16>',
    kappa: 'Compact<u16>',
    difficulty: 'Compact<u64>',
    immunityPeriod: 'Compact<u16>',
    maxAllowedValidators: 'Compact<u16>',
    minAllowedWeights: 'Compact<u16>',
    maxWeightsLimit: 'Compact<u16>',
    scalingLawPower: 'Compact<u16>',
    subnetworkN: 'Compact<u16>',
    maxAllowedUids: 'Compact<u16>',
    blocksSinceLastStep: 'Compact<u64>',
    tempo: 'Compact<u16>',
    networkModality: 'Compact<u16>',
    networkConnect: 'Vec<[u16; 2]>',
    [emissionField]: 'Compact<u64>',
    burn: 'Compact<u64>',
    owner: 'AccountId32',
  };
}

/** `NeuronInfoLite` up to `pruningScore`; `NeuronInfo` has the same fields with `weights` and `bonds` before it. */
const neuronLiteHead = {
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
} as const;

/** The fields shared by `Metagraph` (all present) and `SelectiveMetagraph` (each wrapped in `Option`). */
export const METAGRAPH_FIELDS = [
  ['netuid', 'Compact<u16>'],
  ['name', 'Vec<Compact<u8>>'],
  ['symbol', 'Vec<Compact<u8>>'],
  ['identity', 'Option<TaonodeSubnetIdentityV2>'],
  ['networkRegisteredAt', 'Compact<u64>'],
  ['ownerHotkey', 'AccountId32'],
  ['ownerColdkey', 'AccountId32'],
  ['block', 'Compact<u64>'],
  ['tempo', 'Compact<u16>'],
  ['lastStep', 'Compact<u64>'],
  ['blocksSinceLastStep', 'Compact<u64>'],
  ['subnetEmission', 'Compact<u64>'],
  ['alphaIn', 'Compact<u64>'],
  ['alphaOut', 'Compact<u64>'],
  ['taoIn', 'Compact<u64>'],
  ['alphaOutEmission', 'Compact<u64>'],
  ['alphaInEmission', 'Compact<u64>'],
  ['taoInEmission', 'Compact<u64>'],
  ['pendingAlphaEmission', 'Compact<u64>'],
  ['pendingRootEmission', 'Compact<u64>'],
  ['subnetVolume', 'Compact<u128>'],
  ['movingPrice', 'i128'],
  ['rho', 'Compact<u16>'],
  ['kappa', 'Compact<u16>'],
  ['minAllowedWeights', 'Compact<u16>'],
  ['maxWeightsLimit', 'Compact<u16>'],
  ['weightsVersion', 'Compact<u64>'],
  ['weightsRateLimit', 'Compact<u64>'],
  ['activityCutoff', 'Compact<u16>'],
  ['maxValidators', 'Compact<u16>'],
  ['numUids', 'Compact<u16>'],
  ['maxUids', 'Compact<u16>'],
  ['burn', 'Compact<u64>'],
  ['difficulty', 'Compact<u64>'],
  ['registrationAllowed', 'bool'],
  ['powRegistrationAllowed', 'bool'],
  ['immunityPeriod', 'Compact<u16>'],
  ['minDifficulty', 'Compact<u64>'],
  ['maxDifficulty', 'Compact<u64>'],
  ['minBurn', 'Compact<u64>'],
  ['maxBurn', 'Compact<u64>'],
  ['adjustmentAlpha', 'Compact<u64>'],
  ['adjustmentInterval', 'Compact<u16>'],
  ['targetRegsPerInterval', 'Compact<u16>'],
  ['maxRegsPerBlock', 'Compact<u16>'],
  ['servingRateLimit', 'Compact<u64>'],
  ['commitRevealWeightsEnabled', 'bool'],
  ['commitRevealPeriod', 'Compact<u64>'],
  ['liquidAlphaEnabled', 'bool'],
  ['alphaHigh', 'Compact<u16>'],
  ['alphaLow', 'Compact<u16>'],
  ['bondsMovingAvg', 'Compact<u64>'],
  ['hotkeys', 'Vec<AccountId32>'],
  ['coldkeys', 'Vec<AccountId32>'],
  ['identities', 'Vec<Option<TaonodeChainIdentityV2>>'],
  ['axons', 'Vec<TaonodeAxonInfo>'],
  ['active', 'Vec<bool>'],
  ['validatorPermit', 'Vec<bool>'],
  ['pruningScore', 'Vec<Compact<u16>>'],
  ['lastUpdate', 'Vec<Compact<u64>>'],
  ['emission', 'Vec<Compact<u64>>'],
  ['dividends', 'Vec<Compact<u16>>'],
  ['incentives', 'Vec<Compact<u16>>'],
  ['consensus', 'Vec<Compact<u16>>'],
  ['trust', 'Vec<Compact<u16>>'],
  ['rank', 'Vec<Compact<u16>>'],
  ['blockAtRegistration', 'Vec<Compact<u64>>'],
  ['alphaStake', 'Vec<Compact<u64>>'],
  ['taoStake', 'Vec<Compact<u64>>'],
  ['totalStake', 'Vec<Compact<u64>>'],
  ['taoDividendsPerHotkey', 'Vec<(AccountId32, Compact<u64>)>'],
  ['alphaDividendsPerHotkey', 'Vec<(AccountId32, Compact<u64>)>'],
] as const;

export type MetagraphField = (typeof METAGRAPH_FIELDS)[number][0];

/**
 * `SelectiveMetagraph` as at subtensor HEAD (the spec-224 runtime has no selective metagraph; the devnet adds
 * it because current SDKs ask for it): `netuid` bare, every other metagraph field in `Option`, the identity as
 * `Option<Option<SubnetIdentityV3>>`, then `validators` and `commitments`. Index i of the request selects the
 * i-th field (0 netuid … 71 alpha_dividends_per_hotkey, 72 validators, 73 commitments).
 */
const selectiveMetagraph: Record<string, string> = Object.fromEntries([
  ...METAGRAPH_FIELDS.map(([name, type]): [string, string] => {
    if (name === 'netuid') {
      return [name, type];
    }
    if (name === 'identity') {
      return [name, 'Option<Option<TaonodeSubnetIdentityV3>>'];
    }
    return [name, `Option<${type}>`];
  }),
  ['validators', 'Option<Vec<Compact<u16>>>'],
  ['commitments', 'Option<Vec<(AccountId32, Vec<Compact<u8>>)>>'],
]);

export const SUBTENSOR_RUNTIME_API_TYPES = {
  TaonodeAxonInfo: axonInfo,
  TaonodePrometheusInfo: prometheusInfo,
  TaonodeNeuronInfoLite: { ...neuronLiteHead, pruningScore: 'Compact<u16>' },
  TaonodeNeuronInfo: {
    ...neuronLiteHead,
    weights: 'Vec<(Compact<u16>, Compact<u16>)>',
    bonds: 'Vec<(Compact<u16>, Compact<u16>)>',
    pruningScore: 'Compact<u16>',
  },
  TaonodeSubnetIdentityV2: { ...subnetIdentityHead, additional: 'Bytes' },
  TaonodeSubnetIdentityV3: { ...subnetIdentityHead, logoUrl: 'Bytes', additional: 'Bytes' },
  TaonodeChainIdentityV2: {
    name: 'Bytes',
    url: 'Bytes',
    githubRepo: 'Bytes',
    image: 'Bytes',
    discord: 'Bytes',
    description: 'Bytes',
    additional: 'Bytes',
  },
  TaonodeMetagraph: Object.fromEntries(METAGRAPH_FIELDS),
  TaonodeSelectiveMetagraph: selectiveMetagraph,
  TaonodeDynamicInfo: {
    netuid: 'Compact<u16>',
    ownerHotkey: 'AccountId32',
    ownerColdkey: 'AccountId32',
    subnetName: 'Vec<Compact<u8>>',
    tokenSymbol: 'Vec<Compact<u8>>',
    tempo: 'Compact<u16>',
    lastStep: 'Compact<u64>',
    blocksSinceLastStep: 'Compact<u64>',
    emission: 'Compact<u64>',
    alphaIn: 'Compact<u64>',
    alphaOut: 'Compact<u64>',
    taoIn: 'Compact<u64>',
    alphaOutEmission: 'Compact<u64>',
    alphaInEmission: 'Compact<u64>',
    taoInEmission: 'Compact<u64>',
    pendingAlphaEmission: 'Compact<u64>',
    pendingRootEmission: 'Compact<u64>',
    subnetVolume: 'Compact<u128>',
    networkRegisteredAt: 'Compact<u64>',
    subnetIdentity: 'Option<TaonodeSubnetIdentityV2>',
    movingPrice: 'i128',
  },
  TaonodeSubnetHyperparams: {
    rho: 'Compact<u16>',
    kappa: 'Compact<u16>',
    immunityPeriod: 'Compact<u16>',
    minAllowedWeights: 'Compact<u16>',
    maxWeightsLimit: 'Compact<u16>',
    tempo: 'Compact<u16>',
    minDifficulty: 'Compact<u64>',
    maxDifficulty: 'Compact<u64>',
    weightsVersion: 'Compact<u64>',
    weightsRateLimit: 'Compact<u64>',
    adjustmentInterval: 'Compact<u16>',
    activityCutoff: 'Compact<u16>',
    registrationAllowed: 'bool',
    targetRegsPerInterval: 'Compact<u16>',
    minBurn: 'Compact<u64>',
    maxBurn: 'Compact<u64>',
    bondsMovingAvg: 'Compact<u64>',
    maxRegsPerBlock: 'Compact<u16>',
    servingRateLimit: 'Compact<u64>',
    maxValidators: 'Compact<u16>',
    adjustmentAlpha: 'Compact<u64>',
    difficulty: 'Compact<u64>',
    commitRevealPeriod: 'Compact<u64>',
    commitRevealWeightsEnabled: 'bool',
    alphaHigh: 'Compact<u16>',
    alphaLow: 'Compact<u16>',
    liquidAlphaEnabled: 'bool',
  },
  TaonodeSubnetInfo: subnetInfoFields('emissionValues'),
  TaonodeSubnetInfoV2: { ...subnetInfoFields('emissionValue'), identity: 'Option<TaonodeSubnetIdentityV2>' },
  TaonodeSubnetState: {
    netuid: 'Compact<u16>',
    hotkeys: 'Vec<AccountId32>',
    coldkeys: 'Vec<AccountId32>',
    active: 'Vec<bool>',
    validatorPermit: 'Vec<bool>',
    pruningScore: 'Vec<Compact<u16>>',
    lastUpdate: 'Vec<Compact<u64>>',
    emission: 'Vec<Compact<u64>>',
    dividends: 'Vec<Compact<u16>>',
    incentives: 'Vec<Compact<u16>>',
    consensus: 'Vec<Compact<u16>>',
    trust: 'Vec<Compact<u16>>',
    rank: 'Vec<Compact<u16>>',
    blockAtRegistration: 'Vec<Compact<u64>>',
    alphaStake: 'Vec<Compact<u64>>',
    taoStake: 'Vec<Compact<u64>>',
    totalStake: 'Vec<Compact<u64>>',
    emissionHistory: 'Vec<Vec<Compact<u64>>>',
  },
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
