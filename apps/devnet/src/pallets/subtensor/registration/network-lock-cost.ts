import type { Storage } from '../../../state/storage';
import { readBig } from '../state/subtensor-storage';

/**
 * `get_network_lock_cost`: twice the last lock, decaying linearly over `NetworkLockReductionInterval` blocks
 * since the last registration, never below `NetworkMinLockCost`. (The runtime scales the interval by
 * block emission / 1 TAO; the devnet's block emission is 1 TAO, so the factor is 1.)
 */
export function networkLockCost(storage: Storage, block: number): bigint {
  const lastLock = readBig(storage, 'networkLastLockCost');
  const minLock = readBig(storage, 'networkMinLockCost');
  const lastLockBlock = readBig(storage, 'networkLastRegistered');
  const interval = readBig(storage, 'networkLockReductionInterval');
  const multiplier = lastLockBlock === 0n ? 1n : 2n;
  const elapsed = BigInt(block) - lastLockBlock;
  const reduction = interval === 0n ? 0n : (lastLock / interval) * (elapsed > 0n ? elapsed : 0n);
  const cost = lastLock * multiplier - reduction;
  return cost < minLock ? minLock : cost;
}
