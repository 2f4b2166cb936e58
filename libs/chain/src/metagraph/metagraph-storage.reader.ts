import type { ApiPromise } from '@polkadot/api';
import type { BlockRef } from '../client/block-ref';
import type { Metagraph } from './metagraph.types';
import { EMPTY_ENDPOINT, toNeuronInfo } from './neuron.mapper';
import {
  assertSubnetExists,
  at,
  pruningScoreAt,
  readHotkeyFacts,
  readSubnetHeader,
  readUidKeys,
} from './subnet-storage';

/**
 * The metagraph built from storage only, which decodes identically on every runtime (subtensor.md §4.2 item 7).
 * Three round trips at `block`: subnet header and vectors; uid → hotkey; per-hotkey owner, endpoints and stake.
 */
export async function readMetagraphFromStorage(api: ApiPromise, netuid: number, block: BlockRef): Promise<Metagraph> {
  const header = await readSubnetHeader(api, block.hash, netuid, true);
  assertSubnetExists(header, netuid, block.hash);
  const vectors = header.vectors;
  const { hotkeys, blockAtRegistration } = await readUidKeys(api, block.hash, netuid, header.n);
  const facts = await readHotkeyFacts(api, block.hash, netuid, hotkeys, {
    owners: true,
    endpoints: true,
    subnetStake: true,
  });
  const neurons = hotkeys.map((hotkey, uid) => {
    const fact = facts[uid] ?? {};
    return toNeuronInfo(netuid, {
      uid,
      hotkey,
      coldkey: fact.coldkey ?? '',
      active: vectors ? at(vectors.active, uid, false) : false,
      axon: fact.axon ?? EMPTY_ENDPOINT,
      prometheus: fact.prometheus ?? EMPTY_ENDPOINT,
      stakeRao: fact.stakeRao ?? 0n,
      rootStakeRao: fact.rootStakeRao ?? 0n,
      rank: vectors ? at(vectors.rank, uid, 0) : 0,
      trust: vectors ? at(vectors.trust, uid, 0) : 0,
      consensus: vectors ? at(vectors.consensus, uid, 0) : 0,
      incentive: vectors ? at(vectors.incentive, uid, 0) : 0,
      dividends: vectors ? at(vectors.dividends, uid, 0) : 0,
      validatorTrust: vectors ? at(vectors.validatorTrust, uid, 0) : 0,
      pruningScore: vectors ? pruningScoreAt(vectors, uid) : 0,
      validatorPermit: vectors ? at(vectors.validatorPermit, uid, false) : false,
      emissionRao: vectors ? at(vectors.emission, uid, 0n) : 0n,
      lastUpdate: vectors ? at(vectors.lastUpdate, uid, 0n) : 0n,
      blockAtRegistration: blockAtRegistration[uid] ?? 0n,
    });
  });
  return {
    netuid,
    block: block.number,
    blockHash: block.hash,
    n: header.n,
    hyperparameters: header.hyperparameters,
    neurons,
    source: 'storage',
  };
}
