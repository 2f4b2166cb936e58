import type { Storage } from '../../../state/storage';
import { AlphaSharePool } from '../state/alpha-share-pool';
import { appendUnique } from '../state/hotkey-accounts';
import { swapAlphaForTao, swapTaoForAlpha } from '../state/subnet-pool';
import { addBig } from '../state/subtensor-storage';

type EventSink = (pallet: string, event: string, fields: readonly unknown[]) => void;

/**
 * The fields of `StakeAdded`/`StakeRemoved` as the served metadata declares them: spec 233 has
 * `(coldkey, hotkey, tao, alpha, netuid)`, spec 424 appends the `fee` (subtensor-today.md §7.1).
 */
function stakeEventFields(storage: Storage, event: 'StakeAdded' | 'StakeRemoved', fields: unknown[], fee: bigint) {
  const declared = storage.runtime.decorated.events.subtensorModule?.[event]?.meta.fields.length;
  return declared === fields.length + 1 ? [...fields, fee] : fields;
}

/**
 * `stake_into_subnet`: buys alpha with `tao - fee` and credits it to the (hotkey, coldkey) shares; the fee
 * stays in the pool's TAO. Emits `StakeAdded(coldkey, hotkey, tao_staked, alpha, netuid)`.
 */
export function stakeIntoSubnet(
  storage: Storage,
  deposit: EventSink,
  hotkey: string,
  coldkey: string,
  netuid: number,
  tao: bigint,
  fee: bigint,
): bigint {
  const taoStaked = tao > fee ? tao - fee : 0n;
  const actualFee = tao - taoStaked;
  const alpha = swapTaoForAlpha(storage, netuid, taoStaked);
  if (taoStaked > 0n && alpha > 0n) {
    new AlphaSharePool(storage, hotkey, netuid).updateValueForOne(coldkey, alpha);
    appendUnique(storage, 'stakingHotkeys', coldkey, hotkey);
  }
  addBig(storage, 'subnetTAO', [netuid], actualFee);
  addBig(storage, 'totalStake', [], actualFee);
  deposit(
    'subtensorModule',
    'StakeAdded',
    stakeEventFields(storage, 'StakeAdded', [coldkey, hotkey, taoStaked, alpha, netuid], actualFee),
  );
  return alpha;
}

/**
 * `unstake_from_subnet`: sells `alpha` into the pool, debits the coldkey's shares (only if it holds enough)
 * and returns the TAO less the fee. Emits `StakeRemoved(coldkey, hotkey, tao_unstaked, alpha, netuid)`.
 */
export function unstakeFromSubnet(
  storage: Storage,
  deposit: EventSink,
  hotkey: string,
  coldkey: string,
  netuid: number,
  alpha: bigint,
  fee: bigint,
): bigint {
  const tao = swapAlphaForTao(storage, netuid, alpha);
  const pool = new AlphaSharePool(storage, hotkey, netuid);
  if (pool.stakeOf(coldkey) >= alpha) {
    pool.updateValueForOne(coldkey, -alpha);
  }
  const taoUnstaked = tao > fee ? tao - fee : 0n;
  const actualFee = tao - taoUnstaked;
  addBig(storage, 'subnetTAO', [netuid], actualFee);
  addBig(storage, 'totalStake', [], actualFee);
  deposit(
    'subtensorModule',
    'StakeRemoved',
    stakeEventFields(storage, 'StakeRemoved', [coldkey, hotkey, taoUnstaked, alpha, netuid], actualFee),
  );
  return taoUnstaked;
}
