import type { ApiPromise } from '@polkadot/api';
import { u8aToHex } from '@polkadot/util';
import { BITTENSOR_SS58_FORMAT } from '@taonode/protocol';
import type { BlockRef } from '../client/block-ref';
import { ChainFeatures } from '../client/chain-features';
import { decodeNeuronsLite } from '../runtime-api/runtime-api.decoder';
import { NEURON_INFO_API } from '../runtime-api/subtensor-runtime-api.methods';
import type { Metagraph } from './metagraph.types';
import { toNeuronInfo } from './neuron.mapper';
import { assertSubnetExists, readHotkeyFacts, readRegistrationBlocks, readSubnetHeader } from './subnet-storage';

/** SCALE of a u16 argument (little-endian), as `state_call` expects the netuid. */
export function u16Argument(value: number): `0x${string}` {
  return u8aToHex(new Uint8Array([value & 0xff, (value >> 8) & 0xff]));
}

/** Raw SCALE answer of `NeuronInfoRuntimeApi_get_neurons_lite(netuid)` at `blockHash`. */
export async function callNeuronsLite(api: ApiPromise, netuid: number, blockHash: string): Promise<Uint8Array> {
  const bytes = await api.rpc.state.call(
    `${NEURON_INFO_API.trait}_${NEURON_INFO_API.getNeuronsLite.method}`,
    u16Argument(netuid),
    blockHash,
  );
  return bytes.toU8a(true);
}

/**
 * The metagraph from `NeuronInfoRuntimeApi.get_neurons_lite` (one `state_call`, decoded with the layout the
 * metadata declares where it declares one — V15/V16 — and with our own type definitions otherwise) plus storage for what that API does not carry (hyperparameters, registration blocks, root stake)
 * or carries differently per runtime (the stake list: empty at spec 218, one `(coldkey, TotalHotkeyAlpha)`
 * entry at HEAD — so stake comes from `TotalHotkeyAlpha` here too). Two round trips at `block` (the runtime
 * call runs in parallel with the first storage read).
 */
export async function readMetagraphFromRuntimeApi(
  api: ApiPromise,
  netuid: number,
  block: BlockRef,
): Promise<Metagraph> {
  const features = new ChainFeatures(api);
  const [bytes, header] = await Promise.all([
    callNeuronsLite(api, netuid, block.hash),
    readSubnetHeader(api, block.hash, netuid, false),
  ]);
  assertSubnetExists(header, netuid, block.hash);
  const shape = features.runtimeApiOutput(NEURON_INFO_API.trait, NEURON_INFO_API.getNeuronsLite.method);
  // Where the metadata declares `NeuronInfoLite` (V15/V16), decode its layout, not ours: scores a runtime drops
  // read as documented in `decodeNeuronsLite` instead of failing.
  const layout = features.runtimeApiLayout(NEURON_INFO_API.trait, NEURON_INFO_API.getNeuronsLite.method);
  const raw = decodeNeuronsLite(bytes, shape, api.registry.chainSS58 ?? BITTENSOR_SS58_FORMAT, layout).sort(
    (a, b) => a.uid - b.uid,
  );
  const hotkeys = raw.map((neuron) => neuron.hotkey);
  const [blockAtRegistration, facts] = await Promise.all([
    readRegistrationBlocks(api, block.hash, netuid, header.n),
    readHotkeyFacts(api, block.hash, netuid, hotkeys, { owners: false, endpoints: false, subnetStake: true }),
  ]);
  const neurons = raw.map((neuron, index) =>
    toNeuronInfo(netuid, {
      uid: neuron.uid,
      hotkey: neuron.hotkey,
      coldkey: neuron.coldkey,
      active: neuron.active,
      axon: neuron.axon,
      prometheus: neuron.prometheus,
      // Not `neuron.stake`: its meaning changed across runtimes (empty at spec 218, the hotkey's alpha at HEAD);
      // `TotalHotkeyAlpha` is what HEAD reports there, and it reads the same on every runtime.
      stakeRao: facts[index]?.stakeRao ?? 0n,
      rootStakeRao: facts[index]?.rootStakeRao ?? 0n,
      rank: neuron.rank,
      trust: neuron.trust,
      consensus: neuron.consensus,
      incentive: neuron.incentive,
      dividends: neuron.dividends,
      validatorTrust: neuron.validatorTrust,
      pruningScore: neuron.pruningScore,
      validatorPermit: neuron.validatorPermit,
      emissionRao: neuron.emission,
      lastUpdate: neuron.lastUpdate,
      blockAtRegistration: blockAtRegistration[neuron.uid] ?? 0n,
    }),
  );
  return {
    netuid,
    block: block.number,
    blockHash: block.hash,
    n: header.n,
    hyperparameters: header.hyperparameters,
    neurons,
    source: 'runtime-api',
  };
}
