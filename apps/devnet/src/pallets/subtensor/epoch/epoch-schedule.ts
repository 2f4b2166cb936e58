import type { Storage } from '../../../state/storage';
import { readBig, readNum } from '../state/subtensor-storage';

/**
 * Blocks until the subnet's next epoch (`blocks_until_next_epoch`). Epochs are staggered by netuid: subnet
 * `n` steps when `(block + n + 1) % (tempo + 1) == tempo`, the last block of each `epochIndex`. A tempo of 0
 * never steps.
 */
export function blocksUntilNextEpoch(netuid: number, tempo: number, block: number): number {
  if (tempo === 0) {
    return Number.MAX_SAFE_INTEGER;
  }
  return tempo - ((block + netuid + 1) % (tempo + 1));
}

export function shouldRunEpoch(storage: Storage, netuid: number, block: number): boolean {
  return blocksUntilNextEpoch(netuid, readNum(storage, 'tempo', netuid), block) === 0;
}

/** `get_epoch_index`: the epoch a block belongs to, `(block + netuid + 1) / (tempo + 1)`. */
export function epochIndex(storage: Storage, netuid: number, block: number): number {
  const tempo = readNum(storage, 'tempo', netuid);
  return Math.floor((block + netuid + 1) / (tempo + 1));
}

export function revealPeriod(storage: Storage, netuid: number): number {
  return Number(readBig(storage, 'revealPeriodEpochs', netuid));
}
