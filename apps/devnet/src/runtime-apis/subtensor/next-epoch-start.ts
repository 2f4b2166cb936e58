import { blocksUntilNextEpoch } from '../../pallets/subtensor/epoch/epoch-schedule';
import type { Storage } from '../../state/storage';
import { currentBlock, readNum, subnetExists } from './chain-reads';

/**
 * `get_next_epoch_start_block(netuid)`: the block at which the subnet's next epoch runs, None for a subnet that
 * does not exist or never steps (tempo 0). Follows the devnet's epoch rule through the epoch schedule's
 * `blocksUntilNextEpoch` (the modulo rule: the block `blocks_until_next_epoch` ahead, a whole period when that is this block).
 */
export function nextEpochStartBlock(storage: Storage, netuid: number): bigint | null {
  if (!subnetExists(storage, netuid)) {
    return null;
  }
  const tempo = readNum(storage, 'tempo', netuid);
  if (tempo === 0) {
    return null;
  }
  const block = currentBlock(storage);
  const until = blocksUntilNextEpoch(netuid, tempo, Number(block));
  // An epoch that fell on this block already ran in its `on_initialize`: the next one is a period later.
  return block + BigInt(until === 0 ? tempo + 1 : until);
}
