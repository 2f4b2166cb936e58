import type { ApiPromise } from '@polkadot/api';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import { ChainFeatures } from '../client/chain-features';
import { txFunction } from '../client/runtime-items';

/**
 * Unsigned extrinsics of the miner/validator calls, built from whatever this runtime offers (protocol.md §6, §8).
 * Sign and submit them with `ExtrinsicSubmitter`.
 */
type Call = SubmittableExtrinsic<'promise'>;

const SUBTENSOR = 'subtensorModule';

/** `burned_register(netuid, hotkey)`, signed by the coldkey that pays `Burn[netuid]`. */
export function burnedRegisterCall(api: ApiPromise, netuid: number, hotkey: string): Call {
  return txFunction(api, SUBTENSOR, 'burnedRegister')(netuid, hotkey);
}

/** What `serve_axon` announces (protocol.md §8.1). */
export interface AxonAnnouncement {
  readonly netuid: number;
  /** SDK `version_as_int`. */
  readonly version: number;
  readonly ip: bigint;
  readonly port: number;
  readonly ipType: 4 | 6;
  /** 4 as the SDK sends. */
  readonly protocol?: number;
}

/** `serve_axon(netuid, version, ip, port, ip_type, protocol, 0, 0)`, signed by the hotkey. */
export function serveAxonCall(api: ApiPromise, axon: AxonAnnouncement): Call {
  return txFunction(api, SUBTENSOR, 'serveAxon')(
    axon.netuid,
    axon.version,
    axon.ip,
    axon.port,
    axon.ipType,
    axon.protocol ?? 4,
    0,
    0,
  );
}

/** `add_stake(hotkey, netuid, amount_staked)`, TAO rao taken from the signing coldkey's free balance. */
export function addStakeCall(api: ApiPromise, hotkey: string, netuid: number, amountRao: bigint): Call {
  return txFunction(api, SUBTENSOR, 'addStake')(hotkey, netuid, amountRao);
}

/** `remove_stake(hotkey, netuid, amount_unstaked)`, alpha rao returned to the signing coldkey as TAO. */
export function removeStakeCall(api: ApiPromise, hotkey: string, netuid: number, amountRao: bigint): Call {
  return txFunction(api, SUBTENSOR, 'removeStake')(hotkey, netuid, amountRao);
}

/**
 * `Balances.transfer_keep_alive(dest, value)` (keep-alive, the SDK default) or `transfer_allow_death`; runtimes
 * that predate the split only have `transfer`.
 */
export function transferCall(api: ApiPromise, destination: string, amountRao: bigint, keepAlive = true): Call {
  const features = new ChainFeatures(api);
  const method = keepAlive
    ? 'transferKeepAlive'
    : features.hasCall('balances', 'transferAllowDeath')
      ? 'transferAllowDeath'
      : 'transfer';
  return txFunction(api, 'balances', method)(destination, amountRao);
}

/** Weights as the chain takes them: uids and u16 values (largest 65535, see `convertWeightsAndUidsForEmit`). */
export interface U16Weights {
  readonly uids: readonly number[];
  readonly values: readonly number[];
}

/** `set_mechanism_weights(netuid, mecid, …)` where the runtime has it (SDK v10), else `set_weights(netuid, …)`. */
export function setWeightsCall(
  api: ApiPromise,
  netuid: number,
  weights: U16Weights,
  versionKey: bigint,
  mechanismId = 0,
): Call {
  const call = new ChainFeatures(api).setWeightsCall(mechanismId);
  const create = txFunction(api, SUBTENSOR, call);
  switch (call) {
    case 'setMechanismWeights':
      return create(netuid, mechanismId, [...weights.uids], [...weights.values], versionKey);
    case 'setWeights':
      return create(netuid, [...weights.uids], [...weights.values], versionKey);
  }
}

/** `commit_mechanism_weights(netuid, mecid, hash)` or `commit_weights(netuid, hash)`. */
export function commitWeightsCall(api: ApiPromise, netuid: number, commitHash: `0x${string}`, mechanismId = 0): Call {
  const call = new ChainFeatures(api).commitWeightsCall(mechanismId);
  const create = txFunction(api, SUBTENSOR, call);
  switch (call) {
    case 'commitMechanismWeights':
      return create(netuid, mechanismId, commitHash);
    case 'commitWeights':
      return create(netuid, commitHash);
  }
}

/** `reveal_mechanism_weights(netuid, mecid, …)` or `reveal_weights(netuid, uids, values, salt, version_key)`. */
export function revealWeightsCall(
  api: ApiPromise,
  netuid: number,
  weights: U16Weights,
  salt: readonly number[],
  versionKey: bigint,
  mechanismId = 0,
): Call {
  const call = new ChainFeatures(api).revealWeightsCall(mechanismId);
  const create = txFunction(api, SUBTENSOR, call);
  switch (call) {
    case 'revealMechanismWeights':
      return create(netuid, mechanismId, [...weights.uids], [...weights.values], [...salt], versionKey);
    case 'revealWeights':
      return create(netuid, [...weights.uids], [...weights.values], [...salt], versionKey);
  }
}
