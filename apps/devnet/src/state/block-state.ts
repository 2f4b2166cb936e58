/** Hex-encoded storage key or value, lowercase, `0x`-prefixed; values are raw SCALE bytes. */
export type Hex = `0x${string}`;

/** How many changed keys a block may carry on top of its base before the state is flattened. */
const MAX_DELTA_SIZE = 4096;

/**
 * The whole key→value state of the chain as of one block. Immutable: a block's state never changes once
 * built, so queries `at` an old block answer as of that block. Each state is a shared full `base` snapshot
 * plus a bounded `delta`; reads are O(1) and a new block copies only the delta, so keeping thousands of
 * blocks costs a snapshot every few thousand changes rather than one per block.
 */
export class BlockState {
  private sortedKeysCache: readonly Hex[] | undefined;

  private constructor(
    private readonly base: ReadonlyMap<Hex, Hex>,
    private readonly delta: ReadonlyMap<Hex, Hex | null>,
  ) {}

  static empty(): BlockState {
    return new BlockState(new Map(), new Map());
  }

  static fromEntries(entries: Iterable<readonly [Hex, Hex]>): BlockState {
    return new BlockState(new Map(entries), new Map());
  }

  get(key: Hex): Hex | undefined {
    const changed = this.delta.get(key);
    if (changed !== undefined) {
      return changed ?? undefined;
    }
    return this.base.get(key);
  }

  has(key: Hex): boolean {
    return this.get(key) !== undefined;
  }

  /** A new state with `changes` applied (a `null` value deletes the key). */
  apply(changes: ReadonlyMap<Hex, Hex | null>): BlockState {
    if (changes.size === 0) {
      return this;
    }
    if (this.delta.size + changes.size > MAX_DELTA_SIZE) {
      const flat = new Map(this.base);
      for (const [key, value] of [...this.delta, ...changes]) {
        if (value === null) {
          flat.delete(key);
        } else {
          flat.set(key, value);
        }
      }
      return new BlockState(flat, new Map());
    }
    const delta = new Map(this.delta);
    for (const [key, value] of changes) {
      delta.set(key, value);
    }
    return new BlockState(this.base, delta);
  }

  /** Every live key in ascending byte order (hex of equal-case strings sorts like the bytes). */
  sortedKeys(): readonly Hex[] {
    if (!this.sortedKeysCache) {
      const keys = new Set<Hex>(this.base.keys());
      for (const [key, value] of this.delta) {
        if (value === null) {
          keys.delete(key);
        } else {
          keys.add(key);
        }
      }
      this.sortedKeysCache = [...keys].sort(compareHex);
    }
    return this.sortedKeysCache;
  }

  /** Keys that start with `prefix`, after `startKey` (exclusive) when given, at most `count` of them. */
  keysPaged(prefix: Hex, count: number, startKey?: Hex): Hex[] {
    const keys = this.sortedKeys();
    const from = startKey && startKey > prefix ? startKey : prefix;
    let index = lowerBound(keys, from);
    if (startKey && keys[index] === startKey) {
      index += 1;
    }
    const result: Hex[] = [];
    for (; index < keys.length && result.length < count; index += 1) {
      const key = keys[index];
      if (key === undefined || !key.startsWith(prefix)) {
        break;
      }
      result.push(key);
    }
    return result;
  }
}

function compareHex(a: Hex, b: Hex): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}

function lowerBound(keys: readonly Hex[], target: Hex): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const key = keys[middle];
    if (key !== undefined && key < target) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
