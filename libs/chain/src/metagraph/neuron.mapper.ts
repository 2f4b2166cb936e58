import { decodeIp } from '../axon/ip-address.util';
import type { RawEndpointInfo } from '../runtime-api/subtensor-runtime-api.types';
import type { AxonInfo, NeuronInfo, PrometheusInfo } from './metagraph.types';

export const U16_SCALE = 65535;
export const RAO_PER_TAO = 1_000_000_000;
/** SDK `ROOT_TAO_STAKE_WEIGHT`: the weight of root (TAO) stake next to alpha stake in a subnet's metagraph. */
export const ROOT_TAO_STAKE_WEIGHT = 0.18;
/** `pruning_score` the runtime APIs report once `PruningScores` is gone (u16::MAX). */
export const DEFAULT_PRUNING_SCORE = 65535;

/** One neuron's chain values before normalisation, the same whichever path (runtime API, storage) read them. */
export interface NeuronParts {
  readonly uid: number;
  readonly hotkey: string;
  readonly coldkey: string;
  readonly active: boolean;
  readonly axon: RawEndpointInfo;
  readonly prometheus: RawEndpointInfo;
  /** The hotkey's stake on this subnet in rao (`TotalHotkeyAlpha(hotkey, netuid)`). */
  readonly stakeRao: bigint;
  /** The hotkey's root stake in rao (`TotalHotkeyAlpha(hotkey, 0)`). */
  readonly rootStakeRao: bigint;
  /** Raw u16 values. */
  readonly rank: number;
  readonly trust: number;
  readonly consensus: number;
  readonly incentive: number;
  readonly dividends: number;
  readonly validatorTrust: number;
  readonly pruningScore: number;
  readonly validatorPermit: boolean;
  readonly emissionRao: bigint;
  readonly lastUpdate: bigint;
  readonly blockAtRegistration: bigint;
}

/** `rao / 1e9` as the SDK's `Balance.tao` computes it (a double). */
export function raoToTao(rao: bigint): number {
  return Number(rao) / RAO_PER_TAO;
}

/** `u16 / 65535` as the SDK's `u16_normalized_float`. */
export function u16ToFloat(value: number): number {
  return value / U16_SCALE;
}

export function toAxonInfo(raw: RawEndpointInfo): AxonInfo {
  const ip = decodeIp(raw.ip);
  return {
    block: Number(raw.block),
    version: raw.version,
    ip,
    port: raw.port,
    ipType: raw.ipType,
    protocol: raw.protocol,
    isServing: ip !== '0.0.0.0',
  };
}

export function toPrometheusInfo(raw: RawEndpointInfo): PrometheusInfo {
  return { block: Number(raw.block), version: raw.version, ip: decodeIp(raw.ip), port: raw.port, ipType: raw.ipType };
}

/** An axon that was never served: what the chain's default AxonInfo decodes to. */
export const EMPTY_ENDPOINT: RawEndpointInfo = { block: 0n, version: 0, ip: 0n, port: 0, ipType: 0, protocol: 0 };

/**
 * Normalises one neuron as protocol.md §5 describes the SDK: u16 scores / 65535, rao / 1e9, stakes as
 * `get_subnet_state` gives them (alpha stake, root stake × 0.18, their sum). On the root subnet (netuid 0)
 * all stakes are the TAO stake.
 */
export function toNeuronInfo(netuid: number, parts: NeuronParts): NeuronInfo {
  const alphaStake = raoToTao(parts.stakeRao);
  const taoStake = netuid === 0 ? alphaStake : raoToTao(parts.rootStakeRao) * ROOT_TAO_STAKE_WEIGHT;
  return {
    uid: parts.uid,
    hotkey: parts.hotkey,
    coldkey: parts.coldkey,
    active: parts.active,
    axon: toAxonInfo(parts.axon),
    prometheus: toPrometheusInfo(parts.prometheus),
    stakeRao: parts.stakeRao,
    stake: alphaStake,
    alphaStake,
    taoStake,
    totalStake: netuid === 0 ? alphaStake : alphaStake + taoStake,
    rank: u16ToFloat(parts.rank),
    trust: u16ToFloat(parts.trust),
    consensus: u16ToFloat(parts.consensus),
    incentive: u16ToFloat(parts.incentive),
    dividends: u16ToFloat(parts.dividends),
    validatorTrust: u16ToFloat(parts.validatorTrust),
    validatorPermit: parts.validatorPermit,
    emissionRao: parts.emissionRao,
    emission: raoToTao(parts.emissionRao),
    lastUpdate: Number(parts.lastUpdate),
    blockAtRegistration: Number(parts.blockAtRegistration),
    pruningScore: parts.pruningScore,
  };
}
