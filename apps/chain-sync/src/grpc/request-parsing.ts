import { ChainSyncError } from '../chain-sync.error';
import type { NeuronKey } from './metagraph-query.service';

const U16_MAX = 65_535;

/** A netuid is a u16 on chain; proto3 can only say uint32. */
export function parseNetuid(netuid: number): number {
  if (!Number.isInteger(netuid) || netuid < 0 || netuid > U16_MAX) {
    throw new ChainSyncError('TAONODE_CHAIN_SYNC_INVALID_REQUEST', `netuid must be 0..${U16_MAX}, got ${netuid}`);
  }
  return netuid;
}

/** A uint64 block number as the loader hands it over (a decimal string), within JavaScript's safe integers. */
export function parseBlockNumber(block: string): number {
  const value = /^\d+$/.test(block) ? Number(block) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new ChainSyncError('TAONODE_CHAIN_SYNC_INVALID_REQUEST', `block must be a block number, got "${block}"`);
  }
  return value;
}

/** `GetNeuron`'s oneof: exactly one of uid and hotkey. */
export function parseNeuronKey(request: { uid?: number; hotkey?: string }): NeuronKey {
  if (request.uid !== undefined && request.uid !== null) {
    return { uid: request.uid };
  }
  if (request.hotkey !== undefined && request.hotkey !== null && request.hotkey.length > 0) {
    return { hotkey: request.hotkey };
  }
  throw new ChainSyncError('TAONODE_CHAIN_SYNC_INVALID_REQUEST', 'give a uid or a hotkey');
}
