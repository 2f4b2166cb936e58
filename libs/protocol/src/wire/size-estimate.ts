/**
 * `header_size` and `total_size` are CPython memory sizes in the SDK (`sys.getsizeof` of the header dict, a
 * recursive `getsizeof` of the synapse); no receiver interprets them beyond parsing an integer. taonode sends
 * plausible values of the same magnitude so logs on Python peers look normal.
 */

/** (most keys, bytes) of `sys.getsizeof(dict)` on CPython 3.11 for dicts built by insertion. */
const DICT_SIZES: readonly (readonly [number, number])[] = [
  [0, 64],
  [5, 184],
  [10, 272],
  [21, 464],
  [42, 912],
  [85, 1808],
  [170, 3632],
];

/** `sys.getsizeof(headers)` for a header dict of `entries` keys (464 for the usual 11–21 headers). */
export function estimateHeaderSize(entries: number): bigint {
  for (const [maxEntries, size] of DICT_SIZES) {
    if (entries <= maxEntries) {
      return BigInt(size);
    }
  }
  return 7296n;
}

/** A plausible `total_size` for a synapse whose JSON body is `bodyLength` characters long. */
export function estimateTotalSize(bodyLength: number): bigint {
  return BigInt(2200 + bodyLength);
}
