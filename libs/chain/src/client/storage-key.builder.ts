import type { StorageEntry } from '@polkadot/types/primitive/types';
import type { Registry } from '@polkadot/types/types';
import { u8aConcat, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { ChainError } from '../errors/chain.error';

type Hasher = (data: Uint8Array) => Uint8Array;

/** Substrate's storage hashers by their metadata names (`StorageHasher` enum). */
const HASHERS: Readonly<Record<string, Hasher>> = {
  Blake2_128: (data) => blake2AsU8a(data, 128),
  Blake2_256: (data) => blake2AsU8a(data, 256),
  Blake2_128Concat: (data) => u8aConcat(blake2AsU8a(data, 128), data),
  Twox128: (data) => xxhashAsU8a(data, 128),
  Twox256: (data) => xxhashAsU8a(data, 256),
  Twox64Concat: (data) => u8aConcat(xxhashAsU8a(data, 64), data),
  Identity: (data) => data,
};

interface EntryLayout {
  readonly prefix: Uint8Array;
  readonly hashers: readonly Hasher[];
  readonly hasherNames: readonly string[];
  readonly keyTypes: readonly string[];
}

/**
 * Builds storage keys from the metadata's hashers and key types, like `entry.key(...args)`, but memoising the
 * hashed encoding of each argument: a metagraph read keys five items by the same 256 hotkeys, and hashing each
 * hotkey once instead of five times (and skipping @polkadot/api's per-call argument checks) makes key building
 * several times faster. One builder per batch of reads; it holds no chain state.
 */
export class StorageKeyBuilder {
  readonly #layouts = new Map<StorageEntry, EntryLayout>();
  readonly #parts = new Map<string, Uint8Array>();

  constructor(private readonly registry: Registry) {}

  /** Hex storage key of `entry` at `args` (all of the map's keys). */
  key(entry: StorageEntry, args: readonly unknown[]): `0x${string}` {
    const layout = this.layout(entry);
    if (args.length !== layout.keyTypes.length) {
      throw new ChainError(
        'TAONODE_CHAIN_INVALID_ARGUMENT',
        `storage ${entry.section}.${entry.method} takes ${layout.keyTypes.length} key(s), got ${args.length}`,
      );
    }
    const parts = args.map((arg, index) => this.part(layout, index, arg));
    return u8aToHex(u8aConcat(layout.prefix, ...parts));
  }

  private part(layout: EntryLayout, index: number, arg: unknown): Uint8Array {
    const type = layout.keyTypes[index] ?? '';
    const hasherName = layout.hasherNames[index] ?? '';
    const memo = `${hasherName}|${type}|${typeof arg === 'bigint' ? arg.toString() : String(arg)}`;
    let part = this.#parts.get(memo);
    const hasher = layout.hashers[index];
    if (part === undefined && hasher !== undefined) {
      part = hasher(this.registry.createTypeUnsafe(type, [arg]).toU8a());
      this.#parts.set(memo, part);
    }
    if (part === undefined) {
      throw new ChainError('TAONODE_CHAIN_INVALID_ARGUMENT', `no hasher for key ${index} of this storage item`);
    }
    return part;
  }

  private layout(entry: StorageEntry): EntryLayout {
    let layout = this.#layouts.get(entry);
    if (layout !== undefined) {
      return layout;
    }
    const { type } = entry.meta;
    if (type.isPlain) {
      layout = { prefix: entry.keyPrefix(), hashers: [], hasherNames: [], keyTypes: [] };
    } else {
      const map = type.asMap;
      const hasherNames = map.hashers.map((hasher) => hasher.type);
      const keyTypes =
        hasherNames.length === 1
          ? [this.registry.createLookupType(map.key)]
          : this.registry.lookup.getSiType(map.key).def.asTuple.map((id) => this.registry.createLookupType(id));
      const hashers = hasherNames.map((name) => {
        const hasher = HASHERS[name];
        if (hasher === undefined) {
          throw new ChainError('TAONODE_CHAIN_UNSUPPORTED', `unknown storage hasher ${name}`);
        }
        return hasher;
      });
      layout = { prefix: entry.keyPrefix(), hashers, hasherNames, keyTypes };
    }
    this.#layouts.set(entry, layout);
    return layout;
  }
}
