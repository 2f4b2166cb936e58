import type { INumber } from '@polkadot/types/types';
import type { BlockHookContext } from '../../../runtime/dispatch-context';
import type { Storage } from '../../../state/storage';
import { adjustRegistrationTerms } from '../registration/registration-adjustment';
import { SUBTENSOR } from '../state/subtensor-storage';
import { revealTimelockedCommits } from '../weights/timelocked-reveal';
import { runCoinbase } from './coinbase';
import { epochsDeferredThisBlock } from './epoch-plan';

/**
 * SubtensorModule's `on_initialize` (`block_step`), in the runtime's order:
 * 1. registration prices and per-block counters;
 * 2. the reveal of timelocked weight commits, for every subnet whose due epoch is not deferred this block
 *    (before the epochs, so an epoch uses the weights revealed at its own firing block);
 * 3. the coinbase: emission accrual, then each due subnet's epoch.
 */
export function subtensorBlockStep(context: BlockHookContext): void {
  const { storage, blockNumber } = context;
  const deposit = context.deposit.bind(context);
  adjustRegistrationTerms(storage, deposit, blockNumber);
  const subnets = nonRootSubnets(storage);
  const deferred = epochsDeferredThisBlock(storage, subnets, blockNumber);
  for (const netuid of subnets) {
    if (!deferred.has(netuid)) {
      revealTimelockedCommits(context, netuid);
    }
  }
  runCoinbase(storage, deposit, blockNumber, subnets);
}

/**
 * Every subnet but the root, in `NetworksAdded` iteration order: the storage's raw key order, i.e. the
 * little-endian netuid bytes (ascending below 256), as the runtime iterates the map.
 */
export function nonRootSubnets(storage: Storage): number[] {
  return storage
    .entries(SUBTENSOR, 'networksAdded')
    .map((entry) => (entry.args[0] as INumber).toNumber())
    .filter((netuid) => netuid !== 0);
}
