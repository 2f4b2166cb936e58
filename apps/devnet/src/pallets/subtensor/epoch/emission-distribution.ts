import type { Storage } from '../../../state/storage';
import { AlphaSharePool } from '../state/alpha-share-pool';
import { ownerOf } from '../state/hotkey-accounts';
import { ROOT_NETUID } from '../state/stake-weights';
import { entriesOf, has, readAccount, readBig, readNum, U64_MAX, write } from '../state/subtensor-storage';
import { runEpoch } from './run-epoch';

export interface PendingEmission {
  /** Alpha accrued for miners and validators. */
  readonly alpha: bigint;
  /** TAO bought with the root's share, owed to validators by their root stake. */
  readonly rootTao: bigint;
  /** The alpha that was sold for `rootTao`; it still counts in the epoch's emission. */
  readonly swapped: bigint;
  readonly ownerCut: bigint;
}

/**
 * `drain_pending_emission`: runs the epoch over `alpha + swapped` and pays out, as stake:
 * - the owner's cut to (owner hotkey, owner coldkey);
 * - each miner's incentive to (hotkey, its owner coldkey);
 * - each validator's dividends: its delegate take (`Delegates`, /65535) to (hotkey, owner), the rest to every
 *   nominator of the hotkey at once, recorded in `AlphaDividendsPerSubnet`;
 * - the root TAO in proportion to each validator's root-weighted share of its dividends, on the root subnet,
 *   recorded in `TaoDividendsPerSubnet`.
 * Child keys are not simulated, so no dividends flow to parents.
 */
export function distributeEpochEmission(
  storage: Storage,
  netuid: number,
  block: number,
  pending: PendingEmission,
): void {
  const emissions = runEpoch(storage, netuid, pending.alpha + pending.swapped, block);
  const taoWeight = Number(readBig(storage, 'taoWeight')) / Number(U64_MAX);

  const rootDivs = new Map<string, number>();
  let totalRootDivs = 0;
  for (const { hotkey, validatorEmission } of emissions) {
    const alphaStake = Number(readBig(storage, 'totalHotkeyAlpha', hotkey, netuid));
    const rootAlpha = Number(readBig(storage, 'totalHotkeyAlpha', hotkey, ROOT_NETUID)) * taoWeight;
    const share = alphaStake + rootAlpha === 0 ? 0 : rootAlpha / (alphaStake + rootAlpha);
    const divs = Number(validatorEmission) * share;
    rootDivs.set(hotkey, (rootDivs.get(hotkey) ?? 0) + divs);
    totalRootDivs += divs;
  }

  if (has(storage, 'subnetOwner', netuid) && has(storage, 'subnetOwnerHotkey', netuid)) {
    const ownerHotkey = readAccount(storage, 'subnetOwnerHotkey', netuid);
    new AlphaSharePool(storage, ownerHotkey, netuid).updateValueForOne(
      readAccount(storage, 'subnetOwner', netuid),
      pending.ownerCut,
    );
  }
  for (const { hotkey, serverEmission } of emissions) {
    new AlphaSharePool(storage, hotkey, netuid).updateValueForOne(ownerOf(storage, hotkey), serverEmission);
  }

  clearPrefix(storage, 'alphaDividendsPerSubnet', netuid);
  for (const { hotkey, validatorEmission } of emissions) {
    const paid = payWithTake(storage, hotkey, netuid, validatorEmission);
    write(
      storage,
      'alphaDividendsPerSubnet',
      [netuid, hotkey],
      readBig(storage, 'alphaDividendsPerSubnet', netuid, hotkey) + paid,
    );
  }

  clearPrefix(storage, 'taoDividendsPerSubnet', netuid);
  for (const [hotkey, divs] of rootDivs) {
    const share = totalRootDivs === 0 ? 0 : divs / totalRootDivs;
    const paid = payWithTake(storage, hotkey, ROOT_NETUID, BigInt(Math.floor(Number(pending.rootTao) * share)));
    write(storage, 'taoDividendsPerSubnet', [netuid, hotkey], paid);
  }
}

/** Credits the hotkey's take to its owner and the rest to all its nominators; returns the nominators' part. */
function payWithTake(storage: Storage, hotkey: string, netuid: number, amount: bigint): bigint {
  const take = (amount * BigInt(readNum(storage, 'delegates', hotkey))) / 65535n;
  const pool = new AlphaSharePool(storage, hotkey, netuid);
  pool.updateValueForOne(ownerOf(storage, hotkey), take);
  pool.updateValueForAll(amount - take);
  return amount - take;
}

function clearPrefix(storage: Storage, item: string, netuid: number): void {
  for (const entry of entriesOf(storage, item, netuid)) {
    storage.setRaw(entry.key, null);
  }
}
