import { TypeRegistry, u16, u64, Vec } from '@polkadot/types';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';

const registry = new TypeRegistry();

export interface WeightCommit {
  /** ss58 address or 32-byte public key of the hotkey that commits. */
  readonly hotkey: string | Uint8Array;
  /** `mechid * 4096 + netuid` (`get_mechid_storage_index`); the netuid itself for mechanism 0. */
  readonly netuidIndex: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint | number;
}

/** Storage index of a (netuid, mechanism) pair as the chain computes it. */
export function mechanismStorageIndex(netuid: number, mechanismId = 0): number {
  return mechanismId * 4096 + netuid;
}

/** The SCALE preimage of a commit-reveal v2 hash (protocol.md §6.4). */
export function weightCommitPreimage(commit: WeightCommit): Uint8Array {
  const publicKey = typeof commit.hotkey === 'string' ? decodeAddress(commit.hotkey) : commit.hotkey;
  const u16Vec = (items: readonly number[]): Uint8Array => new Vec(registry, u16, [...items]).toU8a();
  return u8aConcat(
    publicKey,
    new u16(registry, commit.netuidIndex).toU8a(),
    u16Vec(commit.uids),
    u16Vec(commit.values),
    u16Vec(commit.salt),
    new u64(registry, commit.versionKey).toU8a(),
  );
}

/** `blake2b-256(preimage)` as `0x` hex: the value `commit_weights` puts on chain. */
export function weightCommitHash(commit: WeightCommit): `0x${string}` {
  return u8aToHex(blake2AsU8a(weightCommitPreimage(commit), 256));
}
