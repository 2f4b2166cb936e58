/**
 * Sets `key` in `map` as its most recently touched entry (a Map keeps insertion order, so the first key is the least
 * recently touched), forgetting that least recently touched entry first when `map` already holds `max` others: a
 * per-address table stays bounded however many addresses a flood comes from.
 */
export function touchBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) {
    const oldest = map.keys().next();
    if (oldest.done !== true) {
      map.delete(oldest.value);
    }
  }
  map.set(key, value);
}
