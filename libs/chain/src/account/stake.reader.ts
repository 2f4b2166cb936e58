import type { ApiPromise } from '@polkadot/api';
import type { Compact, Struct, u16, u64, Vec } from '@polkadot/types';
import type { AccountId32 } from '@polkadot/types/interfaces';
import type { Codec, INumber } from '@polkadot/types/types';
import { resolveBlock } from '../client/block-ref';
import type { ChainClient } from '../client/chain-client';
import { ChainFeatures } from '../client/chain-features';
import { findStorageEntry, storageEntry } from '../client/runtime-items';
import { queryStorageAt, storageQuery } from '../client/storage-batch';
import { raoToTao } from '../metagraph/neuron.mapper';
import { stakeFromStoredShares, type StoredShare } from './alpha-shares';

/** Stake a coldkey holds through one hotkey on one subnet (alpha rao; TAO on the root subnet). */
export interface StakeEntry {
  readonly coldkey: string;
  readonly hotkey: string;
  readonly netuid: number;
  readonly stakeRao: bigint;
  /** `stakeRao / 1e9`. */
  readonly stake: number;
}

/**
 * Raw bits of a U64F64 storage value. Spec 224 describes it as `{ bits: u128 }`; other runtimes name the
 * wrapper differently or store the bare u128, so take the one number inside whatever the shape.
 */
export function fixedBitsOf(value: Codec | undefined): bigint {
  if (value === undefined) {
    return 0n;
  }
  const bits = (value as unknown as { bits?: INumber }).bits;
  if (bits !== undefined) {
    return bits.toBigInt();
  }
  if (value instanceof Map) {
    const first = [...(value as Map<string, Codec>).values()][0];
    return first === undefined ? 0n : BigInt(first.toString());
  }
  return BigInt(value.toString());
}

const STAKE_INFO_API = { trait: 'StakeInfoRuntimeApi', method: 'get_stake_info_for_coldkey' } as const;

type StakeInfoStruct = Struct & {
  hotkey: AccountId32;
  coldkey: AccountId32;
  netuid: Compact<u16>;
  stake: Compact<u64>;
};

/** Where {@link readColdkeyStakes} reads from: the runtime API where the runtime types it, or storage only. */
export type StakeSource = 'auto' | 'storage';

/**
 * Every stake of `coldkey` at `blockHash` (default: the finalized head), zero stakes left out. Where the runtime
 * describes `StakeInfoRuntimeApi.get_stake_info_for_coldkey` with a real type (V15/V16 metadata of current
 * runtimes) that call answers, decoded with the runtime's own types. Otherwise (the devnet on spec 233, spec
 * ≤ 218 with opaque results), or with `source: 'storage'`, from storage: the hotkeys it stakes to
 * (`StakingHotkeys` ∪ `OwnedHotkeys`), its shares of each (`Alpha`, and `AlphaV2` where the runtime has it:
 * spec 424 migrates a position to the SafeFloat map on its next write), valued through each hotkey's share pool
 * (`TotalHotkeyShares`, else `TotalHotkeySharesV2`).
 */
export async function readColdkeyStakes(
  client: ChainClient,
  coldkey: string,
  blockHash?: `0x${string}`,
  options: { readonly source?: StakeSource } = {},
): Promise<StakeEntry[]> {
  return client.call(`read stakes of ${coldkey}`, async (api) => {
    const block = await resolveBlock(api, blockHash);
    const typedApi = new ChainFeatures(api).runtimeApiOutput(STAKE_INFO_API.trait, STAKE_INFO_API.method) === 'typed';
    if ((options.source ?? 'auto') === 'auto' && typedApi) {
      const fromRuntime = await stakesFromRuntimeApi(api, block.hash, coldkey);
      if (fromRuntime !== undefined) {
        return fromRuntime;
      }
    }
    const hotkeys = await stakingHotkeys(api, block.hash, coldkey);
    const shares = await Promise.all(hotkeys.map(async (hotkey) => shareEntries(api, block.hash, hotkey, coldkey)));
    const positions = shares.flat();
    const entries = {
      alpha: storageEntry(api, 'subtensorModule', 'totalHotkeyAlpha'),
      legacyShares: findStorageEntry(api, 'subtensorModule', 'totalHotkeyShares'),
      currentShares: findStorageEntry(api, 'subtensorModule', 'totalHotkeySharesV2'),
    };
    const perPosition = [entries.alpha, entries.legacyShares, entries.currentShares].filter(
      (entry) => entry !== undefined,
    );
    const values = await queryStorageAt(
      api,
      block.hash,
      positions.flatMap((position) =>
        perPosition.map((entry) => storageQuery(entry, position.hotkey, position.netuid)),
      ),
    );
    return positions
      .map((position, index) => {
        const valueOf = (entry: (typeof perPosition)[number] | undefined): Codec | undefined =>
          entry === undefined ? undefined : values[index * perPosition.length + perPosition.indexOf(entry)];
        const alpha = (valueOf(entries.alpha) as u64 | undefined)?.toBigInt() ?? 0n;
        const denominator = poolDenominator(valueOf(entries.legacyShares), valueOf(entries.currentShares));
        const stakeRao = stakeFromStoredShares(alpha, denominator, position.share);
        return { coldkey, hotkey: position.hotkey, netuid: position.netuid, stakeRao, stake: raoToTao(stakeRao) };
      })
      .filter((entry) => entry.stakeRao > 0n);
  });
}

/** The pool's denominator: the legacy U64F64 one while it is non-zero, else the SafeFloat one (spec 424). */
function poolDenominator(legacy: Codec | undefined, current: Codec | undefined): StoredShare {
  const legacyBits = fixedBitsOf(legacy);
  return legacyBits !== 0n || current === undefined ? { kind: 'fixed', bits: legacyBits } : safeFloatOf(current);
}

/** A `share_pool::SafeFloat { mantissa: u128, exponent: i64 }` storage value. */
function safeFloatOf(value: Codec): StoredShare {
  const { mantissa, exponent } = value as unknown as { mantissa: INumber; exponent: INumber };
  return { kind: 'safe-float', mantissa: mantissa.toBigInt(), exponent: exponent.toNumber() };
}

/** The runtime's answer, or undefined when @polkadot/api did not decorate the call at that block. */
async function stakesFromRuntimeApi(
  api: ApiPromise,
  blockHash: string,
  coldkey: string,
): Promise<StakeEntry[] | undefined> {
  const at = await api.at(blockHash);
  const call = (
    at.call as unknown as Record<string, Record<string, ((who: string) => Promise<Vec<StakeInfoStruct>>) | undefined>>
  ).stakeInfoRuntimeApi?.getStakeInfoForColdkey;
  if (call === undefined) {
    return undefined;
  }
  const infos = await call(coldkey);
  return infos
    .map((info) => {
      const stakeRao = info.stake.toBigInt();
      return {
        coldkey,
        hotkey: info.hotkey.toString(),
        netuid: info.netuid.toNumber(),
        stakeRao,
        stake: raoToTao(stakeRao),
      };
    })
    .filter((entry) => entry.stakeRao > 0n);
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
  readonly share: StoredShare;
}

/** The coldkey's shares of `hotkey` per subnet: `Alpha` entries, then `AlphaV2` ones for the other subnets. */
async function shareEntries(
  api: ApiPromise,
  blockHash: string,
  hotkey: string,
  coldkey: string,
): Promise<SharePosition[]> {
  const legacy = await storageEntry(api, 'subtensorModule', 'alpha').entriesAt<Codec, [AccountId32, AccountId32, u16]>(
    blockHash,
    hotkey,
    coldkey,
  );
  const positions: SharePosition[] = legacy.map(([key, value]) => ({
    hotkey,
    netuid: key.args[2].toNumber(),
    share: { kind: 'fixed', bits: fixedBitsOf(value) },
  }));
  const v2 = findStorageEntry(api, 'subtensorModule', 'alphaV2');
  if (v2 !== undefined) {
    const seen = new Set(positions.map((position) => position.netuid));
    const current = await v2.entriesAt<Codec, [AccountId32, AccountId32, u16]>(blockHash, hotkey, coldkey);
    for (const [key, value] of current) {
      const netuid = key.args[2].toNumber();
      if (!seen.has(netuid)) {
        positions.push({ hotkey, netuid, share: safeFloatOf(value) });
      }
    }
  }
  return positions;
}
