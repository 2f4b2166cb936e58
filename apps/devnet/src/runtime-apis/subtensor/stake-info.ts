import { AlphaSharePool } from '../../pallets/subtensor/state/alpha-share-pool';
import { has, readVec } from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';
import { subnetNetuids } from './chain-reads';

/**
 * `StakeInfo` of one (hotkey, coldkey, subnet) as the runtime lists it. `locked`, `emission`, `tao_emission`
 * and `drain` are 0: per-stake emission bookkeeping and locks are not simulated.
 */
function stakeInfo(storage: Storage, hotkey: string, coldkey: string, netuid: number, stake: bigint): object {
  return {
    hotkey,
    coldkey,
    netuid,
    stake,
    locked: 0,
    emission: 0,
    taoEmission: 0,
    drain: 0,
    isRegistered: has(storage, 'uids', netuid, hotkey),
  };
}

/** `get_stake_info_for_coldkey`: one entry per (hotkey the coldkey stakes through, subnet) with stake. */
export function stakeInfosForColdkey(storage: Storage, coldkey: string): object[] {
  const hotkeys = readVec(storage, 'stakingHotkeys', coldkey).map(String);
  return hotkeys.flatMap((hotkey) =>
    subnetNetuids(storage).flatMap((netuid) => {
      const stake = new AlphaSharePool(storage, hotkey, netuid).stakeOf(coldkey);
      return stake === 0n ? [] : [stakeInfo(storage, hotkey, coldkey, netuid, stake)];
    }),
  );
}

/** `get_stake_info_for_coldkeys`: the same per coldkey, paired with it. */
export function stakeInfosForColdkeys(storage: Storage, coldkeys: readonly string[]): [string, object[]][] {
  return coldkeys.map((coldkey) => [coldkey, stakeInfosForColdkey(storage, coldkey)]);
}

/** `get_stake_info_for_hotkey_coldkey_netuid`: always `Some`, with stake 0 where there is none. */
export function stakeInfoFor(storage: Storage, hotkey: string, coldkey: string, netuid: number): object {
  return stakeInfo(storage, hotkey, coldkey, netuid, new AlphaSharePool(storage, hotkey, netuid).stakeOf(coldkey));
}

/**
 * `get_stake_availability_for_coldkeys`: per coldkey, per subnet it has stake on (or each of `netuids`), the
 * total alpha; nothing is locked in the devnet, so `available` equals `total`.
 */
export function stakeAvailability(
  storage: Storage,
  coldkeys: readonly string[],
  netuids: readonly number[] | null,
): Map<string, Map<number, object>> {
  return new Map(
    coldkeys.map((coldkey) => {
      const totals = new Map<number, bigint>();
      for (const entry of stakeInfosForColdkey(storage, coldkey) as { netuid: number; stake: bigint }[]) {
        totals.set(entry.netuid, (totals.get(entry.netuid) ?? 0n) + entry.stake);
      }
      const wanted = netuids ?? [...totals.keys()].sort((a, b) => a - b);
      return [
        coldkey,
        new Map(
          wanted.map((netuid) => {
            const total = totals.get(netuid) ?? 0n;
            return [netuid, { total, locked: 0n, available: total }];
          }),
        ),
      ];
    }),
  );
}
