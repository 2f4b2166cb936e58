import type { StorageEntry } from '@polkadot/types/primitive/types';
import type { Codec } from '@polkadot/types/types';
import { compactStripLength, u8aToHex } from '@polkadot/util';
import type { RuntimeMetadata } from '../runtime/runtime-metadata';
import type { BlockState, Hex } from './block-state';

/** A storage key decoded back into its arguments, with the stored value. */
export interface StorageEntryValue {
  readonly key: Hex;
  readonly args: Codec[];
  readonly value: Codec;
}

export class UnknownStorageItemError extends Error {
  readonly code = 'TAONODE_DEVNET_UNKNOWN_STORAGE';
}

/**
 * A mutable view over one block's state while the next block is built (or while a runtime API reads it).
 * Keys and values are encoded from the real metadata, so what a pallet writes here is byte for byte what
 * @polkadot/api reads with `api.query.<pallet>.<item>`. Names are the decorated camelCase ones
 * (`storage.get('subtensorModule', 'tempo', netuid)`).
 *
 * Writes are buffered; `changes()` hands them to the block builder, `transactional()` gives extrinsics the
 * all-or-nothing semantics of the real runtime.
 */
export class Storage {
  private readonly layers: Map<Hex, Hex | null>[] = [new Map<Hex, Hex | null>()];

  constructor(
    readonly runtime: RuntimeMetadata,
    private readonly parent: BlockState,
  ) {}

  get registry(): RuntimeMetadata['registry'] {
    return this.runtime.registry;
  }

  /** Whether the served metadata declares `pallet.item` (runtimes add and drop items between specs). */
  hasItem(pallet: string, item: string): boolean {
    return this.runtime.decorated.query[pallet]?.[item] !== undefined;
  }

  /** The storage entry for `pallet.item`, e.g. `entry('subtensorModule', 'uids')`. */
  entry(pallet: string, item: string): StorageEntry {
    const entry = this.runtime.decorated.query[pallet]?.[item];
    if (!entry) {
      throw new UnknownStorageItemError(`storage item ${pallet}.${item} is not in the metadata`);
    }
    return entry;
  }

  key(pallet: string, item: string, ...keys: unknown[]): Hex {
    return u8aToHex(compactStripLength(this.entry(pallet, item)(...keys))[1]);
  }

  /** The prefix shared by every key of a map whose leading arguments are `partialKeys`. */
  prefix(pallet: string, item: string, ...partialKeys: unknown[]): Hex {
    return u8aToHex(this.entry(pallet, item).keyPrefix(...partialKeys));
  }

  getRaw(key: Hex): Hex | undefined {
    for (let index = this.layers.length - 1; index >= 0; index -= 1) {
      const value = this.layers[index]?.get(key);
      if (value !== undefined) {
        return value ?? undefined;
      }
    }
    return this.parent.get(key);
  }

  setRaw(key: Hex, value: Hex | null): void {
    this.topLayer().set(key, value);
  }

  /** The decoded value, or the item's declared default when absent (an `Option` is `None` then). */
  get<T extends Codec = Codec>(pallet: string, item: string, ...keys: unknown[]): T {
    const entry = this.entry(pallet, item);
    const raw = this.getRaw(this.key(pallet, item, ...keys));
    return this.decodeValue<T>(entry, raw);
  }

  /** The decoded value, or `undefined` when the key is absent (whatever the default). */
  getIfPresent<T extends Codec = Codec>(pallet: string, item: string, ...keys: unknown[]): T | undefined {
    const raw = this.getRaw(this.key(pallet, item, ...keys));
    return raw === undefined ? undefined : this.decodeValue<T>(this.entry(pallet, item), raw);
  }

  has(pallet: string, item: string, ...keys: unknown[]): boolean {
    return this.getRaw(this.key(pallet, item, ...keys)) !== undefined;
  }

  /** Stores `value` (anything `registry.createType` accepts for the item's value type). */
  set(pallet: string, item: string, keys: readonly unknown[], value: unknown): void {
    const entry = this.entry(pallet, item);
    const encoded = this.registry.createTypeUnsafe(this.valueTypeName(entry), [value]).toU8a();
    this.setRaw(this.key(pallet, item, ...keys), u8aToHex(encoded));
  }

  remove(pallet: string, item: string, ...keys: unknown[]): void {
    this.setRaw(this.key(pallet, item, ...keys), null);
  }

  /** Every entry of a map under `partialKeys`, in key order, with its arguments decoded. */
  entries(pallet: string, item: string, ...partialKeys: unknown[]): StorageEntryValue[] {
    const entry = this.entry(pallet, item);
    const prefix = this.prefix(pallet, item, ...partialKeys);
    return this.keysWithPrefix(prefix).map((key) => {
      const storageKey = this.registry.createType('StorageKey', key);
      storageKey.setMeta(entry.meta);
      return { key, args: storageKey.args, value: this.decodeValue(entry, this.getRaw(key)) };
    });
  }

  /** Live keys under `prefix`, including ones written in this view, ascending. */
  keysWithPrefix(prefix: Hex): Hex[] {
    const keys = new Set<Hex>(this.parent.keysPaged(prefix, Number.MAX_SAFE_INTEGER));
    for (const layer of this.layers) {
      for (const [key, value] of layer) {
        if (!key.startsWith(prefix)) {
          continue;
        }
        if (value === null) {
          keys.delete(key);
        } else {
          keys.add(key);
        }
      }
    }
    return [...keys].sort();
  }

  /**
   * Runs `body` so that its writes land only if it returns normally: a thrown error (a dispatch error)
   * discards them, as a failed extrinsic's storage changes are discarded by the real runtime.
   */
  transactional<T>(body: () => T): T {
    this.layers.push(new Map<Hex, Hex | null>());
    let committed = false;
    try {
      const result = body();
      committed = true;
      return result;
    } finally {
      const layer = this.layers.pop();
      if (committed && layer) {
        for (const [key, value] of layer) {
          this.topLayer().set(key, value);
        }
      }
    }
  }

  /** Every write made through this view (a `null` deletes). */
  changes(): ReadonlyMap<Hex, Hex | null> {
    if (this.layers.length !== 1) {
      throw new Error('changes() called inside a transactional() body');
    }
    return this.topLayer();
  }

  private topLayer(): Map<Hex, Hex | null> {
    const layer = this.layers[this.layers.length - 1];
    if (!layer) {
      throw new Error('storage view has no layer');
    }
    return layer;
  }

  private valueTypeName(entry: StorageEntry): string {
    const type = entry.meta.type;
    const valueId = type.isPlain ? type.asPlain : type.asMap.value;
    return this.registry.createLookupType(valueId);
  }

  private decodeValue<T extends Codec>(entry: StorageEntry, raw: Hex | undefined): T {
    const typeName = this.valueTypeName(entry);
    const isOptional = entry.meta.modifier.isOptional;
    if (raw === undefined) {
      if (isOptional) {
        return this.registry.createTypeUnsafe<T>(`Option<${typeName}>`, []);
      }
      return this.registry.createTypeUnsafe<T>(typeName, [entry.meta.fallback.toU8a(true)]);
    }
    const decoded = this.registry.createTypeUnsafe<Codec>(typeName, [this.hexBytes(raw)]);
    return (isOptional ? this.registry.createTypeUnsafe<T>(`Option<${typeName}>`, [decoded]) : decoded) as T;
  }

  private hexBytes(raw: Hex): Uint8Array {
    return Buffer.from(raw.slice(2), 'hex');
  }
}
