/**
 * The metagraph of one subnet at one block, with every field of protocol.md §5. Amounts are kept twice:
 * exact integers (`…Rao`, bigint) as the chain stores them, and TAO/alpha floats (`rao / 1e9`) as the SDK
 * exposes them. u16 scores are normalised to [0, 1] (`value / 65535`) as the SDK does.
 */
export interface Metagraph {
  readonly netuid: number;
  /** Block number the metagraph was read at. */
  readonly block: number;
  readonly blockHash: `0x${string}`;
  /** Number of neurons (`SubnetworkN`). */
  readonly n: number;
  readonly hyperparameters: SubnetHyperparameters;
  readonly neurons: readonly NeuronInfo[];
  /** How the data was read: the runtime API where the runtime offers it, storage otherwise. */
  readonly source: 'runtime-api' | 'storage';
}

export interface AxonInfo {
  /** Block of the last `serve_axon`. */
  readonly block: number;
  readonly version: number;
  /** Dotted IPv4 or IPv6 text, as the SDK renders the on-chain u128 (`0.0.0.0` when never served). */
  readonly ip: string;
  readonly port: number;
  readonly ipType: number;
  readonly protocol: number;
  /** True when the axon has been served (`ip != "0.0.0.0"`). */
  readonly isServing: boolean;
}

export interface PrometheusInfo {
  readonly block: number;
  readonly version: number;
  readonly ip: string;
  readonly port: number;
  readonly ipType: number;
}

export interface NeuronInfo {
  readonly uid: number;
  readonly hotkey: string;
  readonly coldkey: string;
  readonly active: boolean;
  readonly axon: AxonInfo;
  readonly prometheus: PrometheusInfo;
  /** Total stake on the hotkey in this subnet, in rao (alpha rao on dynamic subnets). */
  readonly stakeRao: bigint;
  /** `stakeRao / 1e9`. */
  readonly stake: number;
  /** Alpha stake (`rao / 1e9`) and TAO-weighted root stake (`× 0.18`) as the SDK's `get_subnet_state` path. */
  readonly alphaStake: number;
  readonly taoStake: number;
  readonly totalStake: number;
  readonly rank: number;
  readonly trust: number;
  readonly consensus: number;
  readonly incentive: number;
  readonly dividends: number;
  readonly validatorTrust: number;
  readonly validatorPermit: boolean;
  /** Emission per tempo in rao, and `rao / 1e9`. */
  readonly emissionRao: bigint;
  readonly emission: number;
  readonly lastUpdate: number;
  readonly blockAtRegistration: number;
  /** Raw u16 as the chain reports it (not normalised); 65535 on runtimes that dropped `PruningScores`. */
  readonly pruningScore: number;
}

export interface SubnetHyperparameters {
  readonly tempo: number;
  readonly immunityPeriod: number;
  readonly minAllowedWeights: number;
  /** u16 on chain; 65535 means no limit. */
  readonly maxWeightsLimit: number;
  readonly weightsVersionKey: bigint;
  readonly weightsRateLimit: number;
  readonly commitRevealWeightsEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly servingRateLimit: number;
  readonly maxAllowedUids: number;
  readonly maxAllowedValidators: number;
  /**
   * Blocks without a weights update after which a neuron is inactive: the stored `ActivityCutoff`, or where the
   * runtime declares `ActivityCutoffFactorMilli` (spec 424) the effective `max(1, factor × tempo / 1000)`.
   */
  readonly activityCutoff: number;
  readonly registrationAllowed: boolean;
  /** Burn cost of `burned_register` in rao. */
  readonly burnRao: bigint;
  readonly difficulty: bigint;
  // The fields below were added for `taonode subnet hyperparameters` (btcli's table); all are raw chain values.
  readonly rho: number;
  readonly kappa: number;
  readonly minDifficulty: bigint;
  readonly maxDifficulty: bigint;
  readonly minBurnRao: bigint;
  readonly maxBurnRao: bigint;
  readonly adjustmentInterval: number;
  /** u64 on chain (btcli shows it normalised by u64::MAX). */
  readonly adjustmentAlpha: bigint;
  readonly targetRegistrationsPerInterval: number;
  readonly maxRegistrationsPerBlock: number;
  /** u64 on chain (btcli shows it normalised by u64::MAX). */
  readonly bondsMovingAverage: bigint;
  readonly powRegistrationAllowed: boolean;
  /** Absent (undefined) on runtimes without the liquid-alpha items. */
  readonly liquidAlphaEnabled?: boolean;
  readonly alphaHigh?: number;
  readonly alphaLow?: number;
}

/** Reads metagraphs from a chain; implemented by the chain client over @polkadot/api. */
export interface MetagraphReader {
  /** The metagraph at `blockHash`, or at the finalized head when omitted. */
  read(netuid: number, blockHash?: `0x${string}`): Promise<Metagraph>;
}

/** A finalized block as chain-sync follows it. */
export interface FinalizedHead {
  readonly number: number;
  readonly hash: `0x${string}`;
}
