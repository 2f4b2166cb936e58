import type { ApiPromise } from '@polkadot/api';
import type { Struct, u128, u16, u64, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { raoToTao } from '../metagraph/neuron.mapper';
import { stakeFromShares } from './alpha-shares';

/** Stake a coldkey holds through one hotkey on one subnet (alpha rao; TAO on the root subnet). */
export interface StakeEntry {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
  readonly stakeRao: bigint;
  /** `stakeRao / 1e9`. */
  readonly stake: number;
}

type FixedBits = Struct & { bits: u128 };

/**
 * Every stake of `coldkey` at `blockHash` (default: the finalized head): the hotkeys it stakes to
 * (`StakingHotkeys` ∪ `OwnedHotkeys`), the subnets where it holds shares of each (`Alpha` by prefix), valued
 * through each hotkey's share pool. Zero stakes are left out.
 */
export async function readColdkeyStakes(
  client: ChainClient,
  coldkey: string,
  blockHash?: `0x${string}`,
): Promise<StakeEntry[]> {
  return client.call(`read stakes of ${coldkey}`, async (api) => {
    const block = await resolveBlock(api, blockHash);
    const hotkeys = await stakingHotkeys(api, block.hash, coldkey);
    const shares = await Promise.all(hotkeys.map(async (hotkey) => shareEntries(api, block.hash, hotkey, coldkey)));
    const positions = shares.flat();
    const totalAlpha = storageEntry(api, 'subtensorModule', 'totalHotkeyAlpha');
    const totalShares = storageEntry(api, 'subtensorModule', 'totalHotkeyShares');
    const values = await queryStorageAt(
      api,
      block.hash,
      positions.flatMap((position) => [
        storageQuery(totalAlpha, position.hotkey, position.netuid),
        storageQuery(totalShares, position.hotkey, position.netuid),
      ]),
    );
    return positions
      .map((position, index) => {
        const alpha = (values[2 * index] as u64 | undefined)?.toBigInt() ?? 0n;
        const sharesBits = (values[2 * index + 1] as FixedBits | undefined)?.bits.toBigInt() ?? 0n;
        const stakeRao = stakeFromShares(alpha, sharesBits, position.shareBits);
        return { coldkey, hotkey: position.hotkey, netuid: position.netuid, stakeRao, stake: raoToTao(stakeRao) };
      })
      .filter((entry) => entry.stakeRao > 0n);
  });
}

/** Total stake on `hotkey` in `netuid` (`TotalHotkeyAlpha`), in rao. */
export async function readHotkeyStake(
  client: ChainClient,
  hotkey: string,
  netuid: number,
  blockHash?: `0x${string}`,
): Promise<bigint> {
  return client.call(`read stake of ${hotkey} on subnet ${netuid}`, async (api) => {
    const block = await resolveBlock(api, blockHash);
    const [value] = await queryStorageAt(api, block.hash, [
      storageQuery(storageEntry(api, 'subtensorModule', 'totalHotkeyAlpha'), hotkey, netuid),
    ]);
    return (value as u64 | undefined)?.toBigInt() ?? 0n;
  });
}

async function stakingHotkeys(api: ApiPromise, blockHash: string, coldkey: string): Promise<string[]> {
  const items = ['stakingHotkeys', 'ownedHotkeys']
    .map((item) => findStorageEntry(api, 'subtensorModule', item))
    .filter((entry) => entry !== undefined);
  const values = await queryStorageAt(
    api,
    blockHash,
    items.map((entry) => storageQuery(entry, coldkey)),
  );
  const hotkeys = values.flatMap((value) => ((value as Vec<AccountId32> | undefined) ?? []).map((id) => id.toString()));
  return [...new Set(hotkeys)];
}

interface SharePosition {
  readonly hotkey: string;
  readonly netuid: number;
  readonly shareBits: bigint;
}

async function shareEntries(
  api: ApiPromise,
  blockHash: string,
  hotkey: string,
  coldkey: string,
): Promise<SharePosition[]> {
  const alpha = storageEntry(api, 'subtensorModule', 'alpha');
  const entries = await alpha.entriesAt<FixedBits, [AccountId32, AccountId32, u16]>(blockHash, hotkey, coldkey);
  return entries.map(([key, value]) => ({
    hotkey,
    netuid: key.args[2].toNumber(),
    shareBits: value.bits.toBigInt(),
  }));
}
