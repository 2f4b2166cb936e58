import type { Storage } from '../../state/storage';
import { readNum, subnetExists } from './chain-reads';
import { NeuronTable } from './neuron-table';

/**
 * `NeuronInfoLite` of one uid as the runtime builds it: the stake list is the single entry (coldkey, the
 * hotkey's alpha on the subnet); rank, trust and pruning score come from their spec-224 storage vectors.
 */
export function neuronLite(table: NeuronTable, uid: number): Record<string, unknown> | null {
  if (!table.hasUid(uid)) {
    return null;
  }
  const hotkey = table.hotkey(uid);
  const coldkey = table.coldkey(hotkey);
  return {
    hotkey,
    coldkey,
    uid,
    netuid: table.netuid,
    active: table.active[uid] ?? false,
    axonInfo: table.axon(hotkey),
    prometheusInfo: table.prometheus(hotkey),
    stake: [[coldkey, table.stake(hotkey).alpha]],
    rank: table.rank[uid] ?? 0,
    emission: table.emission[uid] ?? 0n,
    incentive: table.incentive[uid] ?? 0,
    consensus: table.consensus[uid] ?? 0,
    trust: table.trust[uid] ?? 0,
    validatorTrust: table.validatorTrust[uid] ?? 0,
    dividends: table.dividends[uid] ?? 0,
    lastUpdate: table.lastUpdate[uid] ?? 0n,
    validatorPermit: table.validatorPermit[uid] ?? false,
    pruningScore: table.pruningScores[uid] ?? 65535,
  };
}

export function neuronFull(table: NeuronTable, uid: number): Record<string, unknown> | null {
  const lite = neuronLite(table, uid);
  if (lite === null) {
    return null;
  }
  return { ...lite, weights: table.row('weights', uid), bonds: table.row('bonds', uid) };
}

/** `get_neurons(_lite)`: uids 0.. in order, stopping at the first uid without a hotkey. */
export function allNeurons(
  storage: Storage,
  netuid: number,
  build: (table: NeuronTable, uid: number) => Record<string, unknown> | null,
): Record<string, unknown>[] {
  if (!subnetExists(storage, netuid)) {
    return [];
  }
  const table = new NeuronTable(storage, netuid);
  const n = readNum(storage, 'subnetworkN', netuid);
  const neurons: Record<string, unknown>[] = [];
  for (let uid = 0; uid < n; uid += 1) {
    const neuron = build(table, uid);
    if (neuron === null) {
      break;
    }
    neurons.push(neuron);
  }
  return neurons;
}

export function oneNeuron(
  storage: Storage,
  netuid: number,
  uid: number,
  build: (table: NeuronTable, uid: number) => Record<string, unknown> | null,
): Record<string, unknown> | null {
  return subnetExists(storage, netuid) ? build(new NeuronTable(storage, netuid), uid) : null;
}
