import type { ApiPromise } from '@polkadot/api';
import type { Option, u16 } from '@polkadot/types';
import type { Codec } from '@polkadot/types/types';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { listNetuids } from '../subnet/subnets.reader';

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
  return optionalU16(value);
}

function optionalU16(value: Codec | undefined): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const option = value as Option<u16> | u16;
  if ('isSome' in option) {
    return option.isSome ? option.unwrap().toNumber() : undefined;
  }
  return option.toNumber();
}

/** Where a hotkey holds a uid. */
export interface Registration {
  readonly hotkey: string;
  readonly netuid: number;
  readonly uid: number;
}

/**
 * Every (subnet, uid) that `hotkeys` hold at `blockHash` (default: the finalized head), in one batched read of
 * `Uids` over all existing subnets. Ordered by netuid, then by the order of `hotkeys`.
 */
export async function readRegistrations(
  client: ChainClient,
  hotkeys: readonly string[],
  blockHash?: `0x${string}`,
): Promise<Registration[]> {
  return client.call('read registrations', async (api) => {
    const block = await resolveBlock(api, blockHash);
    const netuids = await listNetuids(api, block.hash);
    const uids = storageEntry(api, 'subtensorModule', 'uids');
    const pairs = netuids.flatMap((netuid) => hotkeys.map((hotkey) => ({ netuid, hotkey })));
    const values = await queryStorageAt(
      api,
      block.hash,
      pairs.map((pair) => storageQuery(uids, pair.netuid, pair.hotkey)),
    );
    return pairs.flatMap((pair, index) => {
      const uid = optionalU16(values[index]);
      return uid === undefined ? [] : [{ ...pair, uid }];
    });
  });
}
