import type { KvCache } from '../backends/inference-backend';
import { BYTELM, BYTELM_HEAD_DIM } from '../bytelm/bytelm-spec';

/** Elements of one sequence's key (or value) block of one layer, `length` tokens long. */
export function cacheRowElements(length: number): number {
  return BYTELM.heads * length * BYTELM_HEAD_DIM;
}

/** The cache of zero tokens: what a full recompute passes as its past. */
export function emptyKvCache(): KvCache {
  const none = (): Float32Array[] => Array.from({ length: BYTELM.layers }, () => new Float32Array(0));
  return { keys: none(), values: none() };
}

/** Where one sequence's cache lives: row `row` of a batched cache of `batch` rows, `length` tokens long. */
export interface CacheSlot {
  readonly cache: KvCache;
  readonly batch: number;
  readonly row: number;
  readonly length: number;
}

/**
 * The batched past of `slots` (all `length` tokens long), in their order. When they are exactly the rows of one
 * earlier pass's output, in order (a group that stayed together), that output is reused as is; otherwise each
 * sequence's contiguous block is copied into a new batch.
 */
export function gatherCache(slots: readonly CacheSlot[], length: number): KvCache {
  const first = slots[0];
  if (
    first !== undefined &&
    first.batch === slots.length &&
    slots.every((slot, i) => slot.cache === first.cache && slot.row === i)
  ) {
    return first.cache;
  }
  const block = cacheRowElements(length);
  const gather = (pick: (cache: KvCache) => Float32Array): Float32Array => {
    const batched = new Float32Array(slots.length * block);
    slots.forEach((slot, i) =>
      batched.set(pick(slot.cache).subarray(slot.row * block, (slot.row + 1) * block), i * block),
    );
    return batched;
  };
  const layers = Array.from({ length: BYTELM.layers }, (_, layer) => layer);
  return {
    keys: layers.map((layer) => gather((cache) => cache.keys[layer] ?? new Float32Array(0))),
    values: layers.map((layer) => gather((cache) => cache.values[layer] ?? new Float32Array(0))),
  };
}
