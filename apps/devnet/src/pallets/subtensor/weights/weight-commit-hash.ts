import type { Registry } from '@polkadot/types/types';
import { u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

export interface WeightReveal {
  readonly hotkey: string;
  readonly netuid: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly salt: readonly number[];
  readonly versionKey: bigint;
}

/**
 * The commit-reveal v2 hash the runtime recomputes on reveal: `BlakeTwo256::hash_of` of the SCALE tuple
 * `(AccountId, u16 netuid, Vec<u16> uids, Vec<u16> values, Vec<u16> salt, u64 version_key)`.
 */
export function weightCommitHash(registry: Registry, reveal: WeightReveal): `0x${string}` {
  const preimage = registry
    .createType('(AccountId32, u16, Vec<u16>, Vec<u16>, Vec<u16>, u64)', [
      reveal.hotkey,
      reveal.netuid,
      reveal.uids,
      reveal.values,
      reveal.salt,
      reveal.versionKey,
    ])
    .toU8a();
  return u8aToHex(blake2AsU8a(preimage, 256));
}
