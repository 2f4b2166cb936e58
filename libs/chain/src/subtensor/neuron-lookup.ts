import type { ApiPromise } from '@polkadot/api';
import type { Option, u16 } from '@polkadot/types';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';

/** The uid of `hotkey` on `netuid` at `blockHash` (`Uids`), or undefined when it is not registered there. */
export async function readUid(
  api: ApiPromise,
  blockHash: string,
  netuid: number,
  hotkey: string,
): Promise<number | undefined> {
  const [value] = await queryStorageAt(api, blockHash, [
    storageQuery(storageEntry(api, 'subtensorModule', 'uids'), netuid, hotkey),
  ]);
  if (value === undefined) {
    return undefined;
  }
  const option = value as Option<u16> | u16;
  if ('isSome' in option) {
    return option.isSome ? option.unwrap().toNumber() : undefined;
  }
  return option.toNumber();
}
