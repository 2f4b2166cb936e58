import type { Storage } from '../../../state/storage';
import { readNum } from '../state/subtensor-storage';
import { hasStatefulEpochs, isEpochDue, readEpochScheduleState } from './epoch-schedule';

/**
 * Which subnets' due epochs the per-block cap defers at `block` (`epochs_deferred_this_block`): walking the
 * subnets in iteration order, the first `MaxEpochsPerBlock` due ones run, the rest move to the next block.
 * Evaluated before the coinbase with the `BlocksSinceLastStep` the drain will see (one more than stored), so
 * it names exactly the subnets the drain defers. Nothing is deferred under the 233 modulo rule.
 */
export function epochsDeferredThisBlock(storage: Storage, subnets: readonly number[], block: number): Set<number> {
  const deferred = new Set<number>();
  if (!hasStatefulEpochs(storage)) {
    return deferred;
  }
  const cap = readNum(storage, 'maxEpochsPerBlock');
  let running = 0;
  for (const netuid of subnets) {
    const state = readEpochScheduleState(storage, netuid);
    if (!isEpochDue({ ...state, blocksSinceLastStep: state.blocksSinceLastStep + 1 }, block)) {
      continue;
    }
    if (running >= cap) {
      deferred.add(netuid);
    } else {
      running += 1;
    }
  }
  return deferred;
}
