import type { INumber } from '@polkadot/types/types';
import { AlphaSharePool } from '../../pallets/subtensor/state/alpha-share-pool';
import { entriesOf, has, readAccount, readNum, readOptional } from '../../pallets/subtensor/state/subtensor-storage';
import type { Storage } from '../../state/storage';
import { subnetNetuids } from './chain-reads';
import { NeuronTable } from './neuron-table';

/** The share items a stake can live in: the legacy `Alpha` and, where the metadata has it, `AlphaV2`. */
const SHARE_ITEMS = ['alpha', 'alphaV2'] as const;

/** Every (coldkey, netuid) with stake through `hotkey`, stake > 0, in key order. */
function nominations(storage: Storage, hotkey: string): { coldkey: string; netuid: number; stake: bigint }[] {
  const seen = new Set<string>();
  const found: { coldkey: string; netuid: number; stake: bigint }[] = [];
  for (const item of SHARE_ITEMS) {
    for (const entry of entriesOf(storage, item, hotkey)) {
      const coldkey = String(entry.args[1]);
      const netuid = (entry.args[2] as INumber).toNumber();
      const key = `${coldkey}/${netuid}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const stake = new AlphaSharePool(storage, hotkey, netuid).stakeOf(coldkey);
      if (stake > 0n) {
        found.push({ coldkey, netuid, stake });
      }
    }
  }
  return found;
}

/**
 * `DelegateInfo` of a delegate hotkey (`Delegates` holds its take): its nominators with their stake per subnet,
 * its owner, the subnets it is registered on and those where it holds a validator permit. The return estimates
 * (`return_per_1000`, `total_daily_return`) are 0: emission history is not simulated.
 */
export function delegateInfo(storage: Storage, hotkey: string): Record<string, unknown> | null {
  if (!has(storage, 'delegates', hotkey)) {
    return null;
  }
  const byColdkey = new Map<string, [number, bigint][]>();
  for (const { coldkey, netuid, stake } of nominations(storage, hotkey)) {
    byColdkey.set(coldkey, [...(byColdkey.get(coldkey) ?? []), [netuid, stake]]);
  }
  const registrations = subnetNetuids(storage).filter((netuid) => has(storage, 'uids', netuid, hotkey));
  return {
    delegateSs58: hotkey,
    take: readNum(storage, 'delegates', hotkey),
    nominators: [...byColdkey.entries()],
    ownerSs58: readAccount(storage, 'owner', hotkey),
    registrations,
    validatorPermits: registrations.filter((netuid) => {
      const uid = Number(readOptional(storage, 'uids', netuid, hotkey)?.toString());
      return new NeuronTable(storage, netuid).validatorPermit[uid] ?? false;
    }),
    returnPer1000: 0,
    totalDailyReturn: 0,
  };
}

/** `get_delegates`: every hotkey in `Delegates`, in key order. */
export function allDelegates(storage: Storage): Record<string, unknown>[] {
  return entriesOf(storage, 'delegates')
    .map((entry) => delegateInfo(storage, String(entry.args[0])))
    .filter((info) => info !== null);
}

/** `get_delegated(coldkey)`: each delegate the coldkey stakes through, once per subnet, with that stake. */
export function delegatedBy(storage: Storage, coldkey: string): [Record<string, unknown>, [number, bigint]][] {
  return allDelegates(storage).flatMap((info) =>
    nominations(storage, String(info.delegateSs58))
      .filter((nomination) => nomination.coldkey === coldkey)
      .map((nomination): [Record<string, unknown>, [number, bigint]] => [info, [nomination.netuid, nomination.stake]]),
  );
}
