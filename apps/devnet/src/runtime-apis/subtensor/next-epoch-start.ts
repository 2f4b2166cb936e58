import { nextEpochBlock } from '../../pallets/subtensor/epoch/epoch-schedule';
import type { Storage } from '../../state/storage';
import { currentBlock, subnetExists } from './chain-reads';

/**
 * `get_next_epoch_start_block(netuid)`: the block at which the subnet's next epoch runs, in the served runtime's
 * rule (the epoch schedule's `nextEpochBlock`: 424's scheduler state, or 233's modulo rule); None for a subnet
 * that does not exist or never steps (tempo 0).
 */
export function nextEpochStartBlock(storage: Storage, netuid: number): bigint | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const next = nextEpochBlock(storage, netuid, Number(currentBlock(storage)));
  return next === undefined ? null : BigInt(next);
}
