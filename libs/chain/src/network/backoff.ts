export interface BackoffPolicy {
  /** Delay before the first retry, in ms. */
  readonly initialMs: number;
  /** Upper bound of any delay, in ms. */
  readonly maxMs: number;
  /** Growth factor per attempt. */
  readonly multiplier: number;
}

/** Reconnect policy of the chain client: 250 ms, doubling, capped at 30 s. */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 250, maxMs: 30_000, multiplier: 2 };

/**
 * Delay before retry number `attempt` (0-based), "equal jitter": half of the exponential delay is fixed and
 * half is random. Many clients that lost the same node therefore spread out instead of reconnecting in
 * lock-step, while each still waits at least half the nominal delay (full jitter could retry instantly).
 * `random` returns a number in [0, 1) and is injectable for tests.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, Math.floor(attempt));
  const nominal = Math.min(policy.maxMs, policy.initialMs * policy.multiplier ** exponent);
  const half = nominal / 2;
  return Math.round(half + half * Math.min(Math.max(random(), 0), 1));
}
