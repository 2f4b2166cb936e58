import type { bool, Option, Vec } from '@polkadot/types';
import type { Codec, INumber } from '@polkadot/types/types';
import type { Storage } from '../../../state/storage';

export const SUBTENSOR = 'subtensorModule';

/**
 * Typed reads of SubtensorModule storage. Values absent from state read as the metadata's declared default,
 * exactly as the runtime's `ValueQuery` getters do; u64 amounts are `bigint` because rao exceed 2^53.
 * An item the served runtime does not declare (spec 424 dropped `Rank`, `Trust`, `PruningScores`,
 * `NetworkModality`, …) reads as zero/false, and writes to it are dropped: the simulator's logic stays one
 * piece and each runtime keeps only its own storage.
 */
export function readBig(storage: Storage, item: string, ...keys: unknown[]): bigint {
  return isDeclared(storage, item) ? storage.get<INumber>(SUBTENSOR, item, ...keys).toBigInt() : 0n;
}

export function readNum(storage: Storage, item: string, ...keys: unknown[]): number {
  return isDeclared(storage, item) ? storage.get<INumber>(SUBTENSOR, item, ...keys).toNumber() : 0;
}

export function readBool(storage: Storage, item: string, ...keys: unknown[]): boolean {
  return isDeclared(storage, item) && storage.get<bool>(SUBTENSOR, item, ...keys).isTrue;
}

/** Whether the served runtime has SubtensorModule storage `item` (feature detection from the metadata). */
export function isDeclared(storage: Storage, item: string): boolean {
  return storage.hasItem(SUBTENSOR, item);
}

export function readAccount(storage: Storage, item: string, ...keys: unknown[]): string {
  return storage.get(SUBTENSOR, item, ...keys).toString();
}

export function has(storage: Storage, item: string, ...keys: unknown[]): boolean {
  return isDeclared(storage, item) && storage.has(SUBTENSOR, item, ...keys);
}

/** The entries of a map under `partialKeys`; none when the served runtime does not declare the item. */
export function entriesOf(storage: Storage, item: string, ...partialKeys: unknown[]): ReturnType<Storage['entries']> {
  return isDeclared(storage, item) ? storage.entries(SUBTENSOR, item, ...partialKeys) : [];
}

export function write(storage: Storage, item: string, keys: readonly unknown[], value: unknown): void {
  if (isDeclared(storage, item)) {
    storage.set(SUBTENSOR, item, keys, value);
  }
}

export function remove(storage: Storage, item: string, ...keys: unknown[]): void {
  if (isDeclared(storage, item)) {
    storage.remove(SUBTENSOR, item, ...keys);
  }
}

/** Adds `delta` (may be negative) to a u64 item, saturating at 0 like the runtime's `saturating_add/sub`. */
export function addBig(storage: Storage, item: string, keys: readonly unknown[], delta: bigint): bigint {
  const next = saturate(readBig(storage, item, ...keys) + delta, U64_MAX);
  write(storage, item, keys, next);
  return next;
}

export function readVec<T extends Codec>(storage: Storage, item: string, ...keys: unknown[]): T[] {
  return isDeclared(storage, item) ? [...storage.get<Vec<T>>(SUBTENSOR, item, ...keys)] : [];
}

export const U16_MAX = 65535;
export const U64_MAX = (1n << 64n) - 1n;

export function saturate(value: bigint, max: bigint): bigint {
  if (value < 0n) {
    return 0n;
  }
  return value > max ? max : value;
}

/** The value of an `Optional`-query item (`Uids`, `Axons`, `WeightCommits` …), or `undefined` when unset. */
export function readOptional<T extends Codec>(storage: Storage, item: string, ...keys: unknown[]): T | undefined {
  if (!isDeclared(storage, item)) {
    return undefined;
  }
  const value = storage.get<Option<T>>(SUBTENSOR, item, ...keys);
  return value.isSome ? value.unwrap() : undefined;
}
