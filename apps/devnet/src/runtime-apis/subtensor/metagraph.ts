import type { Codec } from '@polkadot/types/types';
import type { MetagraphField } from '@taonode/chain';
import { readOptional } from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';
import {
  activityCutoff,
  alphaValues,
  blocksSinceLastStep,
  currentBlock,
  movingPriceBits,
  poolAndEmissionTerms,
  readAccount,
  readBig,
  readBool,
  readNum,
  subnetExists,
  subnetIdentity,
  subnetNameBytes,
  subnetSymbolBytes,
} from './chain-reads';
import { NeuronTable } from './neuron-table';

export type MetagraphValue = Record<MetagraphField, unknown>;

/**
 * `get_metagraph(netuid)` as the spec-224 runtime assembles it: subnet terms and hyperparameters, then the
 * per-uid vectors. Hotkeys, coldkeys, identities, axons, registration blocks and stakes are built for uids
 * `0..SubnetworkN`; the score vectors are the stored vectors as they are (the runtime does not resize them).
 */
export function buildMetagraph(storage: Storage, netuid: number): MetagraphValue | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const n = readNum(storage, 'subnetworkN', netuid);
  const table = new NeuronTable(storage, netuid);
  const uids = Array.from({ length: n }, (_, uid) => uid);
  const hotkeys = uids.map((uid) => table.hotkey(uid));
  const coldkeys = hotkeys.map((hotkey) => table.coldkey(hotkey));
  const stakes = hotkeys.map((hotkey) => table.stake(hotkey));
  const { low, high } = alphaValues(storage, netuid);
  return {
    netuid,
    name: subnetNameBytes(storage, netuid),
    symbol: subnetSymbolBytes(netuid),
    identity: subnetIdentity(storage, netuid),
    networkRegisteredAt: readBig(storage, 'networkRegisteredAt', netuid),
    ownerHotkey: readAccount(storage, 'subnetOwnerHotkey', netuid),
    ownerColdkey: readAccount(storage, 'subnetOwner', netuid),
    block: currentBlock(storage),
    tempo: readNum(storage, 'tempo', netuid),
    lastStep: readBig(storage, 'lastMechansimStepBlock', netuid),
    blocksSinceLastStep: blocksSinceLastStep(storage, netuid),
    subnetEmission: readBig(storage, 'emissionValues', netuid),
    ...poolAndEmissionTerms(storage, netuid),
    movingPrice: movingPriceBits(storage, netuid),
    rho: readNum(storage, 'rho', netuid),
    kappa: readNum(storage, 'kappa', netuid),
    minAllowedWeights: readNum(storage, 'minAllowedWeights', netuid),
    maxWeightsLimit: readNum(storage, 'maxWeightsLimit', netuid),
    weightsVersion: readBig(storage, 'weightsVersionKey', netuid),
    weightsRateLimit: readBig(storage, 'weightsSetRateLimit', netuid),
    activityCutoff: activityCutoff(storage, netuid),
    maxValidators: readNum(storage, 'maxAllowedValidators', netuid),
    numUids: n,
    maxUids: readNum(storage, 'maxAllowedUids', netuid),
    burn: readBig(storage, 'burn', netuid),
    difficulty: readBig(storage, 'difficulty', netuid),
    registrationAllowed: readBool(storage, 'networkRegistrationAllowed', netuid),
    powRegistrationAllowed: readBool(storage, 'networkPowRegistrationAllowed', netuid),
    immunityPeriod: readNum(storage, 'immunityPeriod', netuid),
    minDifficulty: readBig(storage, 'minDifficulty', netuid),
    maxDifficulty: readBig(storage, 'maxDifficulty', netuid),
    minBurn: readBig(storage, 'minBurn', netuid),
    maxBurn: readBig(storage, 'maxBurn', netuid),
    adjustmentAlpha: readBig(storage, 'adjustmentAlpha', netuid),
    adjustmentInterval: readNum(storage, 'adjustmentInterval', netuid),
    targetRegsPerInterval: readNum(storage, 'targetRegistrationsPerInterval', netuid),
    maxRegsPerBlock: readNum(storage, 'maxRegistrationsPerBlock', netuid),
    servingRateLimit: readBig(storage, 'servingRateLimit', netuid),
    commitRevealWeightsEnabled: readBool(storage, 'commitRevealWeightsEnabled', netuid),
    commitRevealPeriod: readBig(storage, 'revealPeriodEpochs', netuid),
    liquidAlphaEnabled: readBool(storage, 'liquidAlphaOn', netuid),
    alphaHigh: high,
    alphaLow: low,
    bondsMovingAvg: readBig(storage, 'bondsMovingAverage', netuid),
    hotkeys,
    coldkeys,
    identities: coldkeys.map((coldkey) => readOptional<Codec>(storage, 'identitiesV2', coldkey)?.toJSON() ?? null),
    axons: hotkeys.map((hotkey) => table.axon(hotkey)),
    active: table.active,
    validatorPermit: table.validatorPermit,
    pruningScore: table.pruningScores,
    lastUpdate: table.lastUpdate,
    emission: table.emission,
    dividends: table.dividends,
    incentives: table.incentive,
    consensus: table.consensus,
    trust: table.trust,
    rank: table.rank,
    blockAtRegistration: uids.map((uid) => table.blockAtRegistration(uid)),
    alphaStake: stakes.map((stake) => stake.alpha),
    taoStake: stakes.map((stake) => stake.tao),
    totalStake: stakes.map((stake) => stake.total),
    taoDividendsPerHotkey: hotkeys.map((hotkey) => [hotkey, readBig(storage, 'taoDividendsPerSubnet', netuid, hotkey)]),
    alphaDividendsPerHotkey: hotkeys.map((hotkey) => [
      hotkey,
      readBig(storage, 'alphaDividendsPerSubnet', netuid, hotkey),
    ]),
  };
}
