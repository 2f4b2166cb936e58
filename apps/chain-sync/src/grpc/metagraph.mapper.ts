import type { AxonInfo, Metagraph, NeuronInfo, PrometheusInfo, SubnetHyperparameters } from '@taonode/chain';
import { metagraphV1 as pb } from '@taonode/proto';
import type { HeadStatus } from '../sync/head-tracker.service';
import type { Freshness } from './freshness';

/** Domain → wire: u64 values become decimal strings (ts-proto `forceLong=string`). */
export function toProtoMetagraph(metagraph: Metagraph): pb.Metagraph {
  return {
    netuid: metagraph.netuid,
    block: String(metagraph.block),
    blockHash: metagraph.blockHash,
    n: metagraph.n,
    hyperparameters: toProtoHyperparameters(metagraph.hyperparameters),
    neurons: metagraph.neurons.map(toProtoNeuron),
    source: toProtoSource(metagraph.source),
  };
}

function toProtoSource(source: Metagraph['source']): pb.MetagraphSource {
  switch (source) {
    case 'runtime-api':
      return pb.MetagraphSource.METAGRAPH_SOURCE_RUNTIME_API;
    case 'storage':
      return pb.MetagraphSource.METAGRAPH_SOURCE_STORAGE;
  }
}

export function toProtoNeuron(neuron: NeuronInfo): pb.NeuronInfo {
  return {
    uid: neuron.uid,
    hotkey: neuron.hotkey,
    coldkey: neuron.coldkey,
    active: neuron.active,
    axon: toProtoAxon(neuron.axon),
    prometheus: toProtoPrometheus(neuron.prometheus),
    stakeRao: neuron.stakeRao.toString(),
    stake: neuron.stake,
    alphaStake: neuron.alphaStake,
    taoStake: neuron.taoStake,
    totalStake: neuron.totalStake,
    rank: neuron.rank,
    trust: neuron.trust,
    consensus: neuron.consensus,
    incentive: neuron.incentive,
    dividends: neuron.dividends,
    validatorTrust: neuron.validatorTrust,
    validatorPermit: neuron.validatorPermit,
    emissionRao: neuron.emissionRao.toString(),
    emission: neuron.emission,
    lastUpdate: String(neuron.lastUpdate),
    blockAtRegistration: String(neuron.blockAtRegistration),
    pruningScore: neuron.pruningScore,
  };
}

function toProtoAxon(axon: AxonInfo): pb.AxonInfo {
  return {
    block: String(axon.block),
    version: axon.version,
    ip: axon.ip,
    port: axon.port,
    ipType: axon.ipType,
    protocol: axon.protocol,
    isServing: axon.isServing,
  };
}

function toProtoPrometheus(prometheus: PrometheusInfo): pb.PrometheusInfo {
  return {
    block: String(prometheus.block),
    version: prometheus.version,
    ip: prometheus.ip,
    port: prometheus.port,
    ipType: prometheus.ipType,
  };
}

export function toProtoHyperparameters(hyperparameters: SubnetHyperparameters): pb.SubnetHyperparameters {
  return {
    tempo: hyperparameters.tempo,
    immunityPeriod: hyperparameters.immunityPeriod,
    minAllowedWeights: hyperparameters.minAllowedWeights,
    maxWeightsLimit: hyperparameters.maxWeightsLimit,
    weightsVersionKey: hyperparameters.weightsVersionKey.toString(),
    weightsRateLimit: String(hyperparameters.weightsRateLimit),
    commitRevealWeightsEnabled: hyperparameters.commitRevealWeightsEnabled,
    revealPeriodEpochs: String(hyperparameters.revealPeriodEpochs),
    servingRateLimit: String(hyperparameters.servingRateLimit),
    maxAllowedUids: hyperparameters.maxAllowedUids,
    maxAllowedValidators: hyperparameters.maxAllowedValidators,
    activityCutoff: hyperparameters.activityCutoff,
    registrationAllowed: hyperparameters.registrationAllowed,
    burnRao: hyperparameters.burnRao.toString(),
    difficulty: hyperparameters.difficulty.toString(),
    rho: hyperparameters.rho,
    kappa: hyperparameters.kappa,
    minDifficulty: hyperparameters.minDifficulty.toString(),
    maxDifficulty: hyperparameters.maxDifficulty.toString(),
    minBurnRao: hyperparameters.minBurnRao.toString(),
    maxBurnRao: hyperparameters.maxBurnRao.toString(),
    adjustmentInterval: hyperparameters.adjustmentInterval,
    adjustmentAlpha: hyperparameters.adjustmentAlpha.toString(),
    targetRegistrationsPerInterval: hyperparameters.targetRegistrationsPerInterval,
    maxRegistrationsPerBlock: hyperparameters.maxRegistrationsPerBlock,
    bondsMovingAverage: hyperparameters.bondsMovingAverage.toString(),
    powRegistrationAllowed: hyperparameters.powRegistrationAllowed,
    // Optional on the wire as in the domain: absent means "this runtime has no such item".
    liquidAlphaEnabled: hyperparameters.liquidAlphaEnabled,
    alphaHigh: hyperparameters.alphaHigh,
    alphaLow: hyperparameters.alphaLow,
  };
}

export function toProtoFreshness(freshness: Freshness): pb.Freshness {
  return {
    block: String(freshness.block),
    blockHash: freshness.blockHash,
    stale: freshness.stale,
    ageSeconds: freshness.ageSeconds,
    finalizedBlock: String(freshness.finalizedBlock),
  };
}

export function toProtoHead(status: HeadStatus): pb.GetHeadResponse {
  return {
    block: String(status.head?.number ?? 0),
    blockHash: status.head?.hash ?? '',
    connected: status.connected,
    // A head seen before the connection dropped can no longer be vouched for, like a snapshot (isStale).
    stale: !status.connected || status.stalled,
    ageSeconds: status.headAgeMs / 1000,
  };
}
