/**
 * Nanosecond nonces that never repeat or go backwards within one dendrite: an axon keeps the last nonce per
 * `"{hotkey}:{uuid}"` and refuses one that is not newer, and a round signs many requests in the same
 * millisecond. Wall-clock based (axons compare it with their own clock), bumped by 1 ns on collisions.
 */
export class NonceClock {
  private last = 0n;

  constructor(private readonly nowNs: () => bigint = wallClockNs) {}

  next(): bigint {
    const now = this.nowNs();
    this.last = now > this.last ? now : this.last + 1n;
    return this.last;
  }
}

/** `time.time_ns()`: milliseconds from Date plus the sub-millisecond part of the monotonic clock. */
export function wallClockNs(): bigint {
  const subMillisecond = process.hrtime.bigint() % 1_000_000n;
  return BigInt(Date.now()) * 1_000_000n + subMillisecond;
}
