import { pyFormatFixed } from '../python/py-format';

/** The SDK's `ALLOWED_DELTA`: 4 s of clock slack on top of the request timeout. */
export const NONCE_ALLOWED_DELTA_NS = 4_000_000_000n;

/** Nanoseconds per second. */
export const NANOSECONDS_PER_SECOND = 1_000_000_000n;

/**
 * The parts of nonce handling that are taonode policy (protocol.md, "Where we deliberately differ", #5).
 * The SDK semantics (strictly increasing per `hotkey:uuid`, first contact newer than `now − 4 s − timeout`)
 * are fixed; these bound what the SDK leaves unbounded.
 */
export interface NoncePolicy {
  /**
   * Largest request timeout honoured in the freshness window, in seconds. Larger, infinite or NaN timeouts are
   * treated as this value (a Python axon would let a NaN/∞ timeout disable the check). Also sizes the eviction
   * horizon: an entry can be dropped once a replay of its nonce would fail the freshness check anyway.
   */
  readonly maxTimeoutSeconds: number;
  /** How far a nonce may be ahead of the server clock (Python dendrites send `time.time_ns()`). */
  readonly maxFutureSkewNs: bigint;
}

/** 60 s timeouts at most, 5 s of clock skew into the future. */
export const DEFAULT_NONCE_POLICY: NoncePolicy = { maxTimeoutSeconds: 60, maxFutureSkewNs: 5_000_000_000n };

/** Why a nonce was refused; the messages are the SDK's exception texts (taonode's own for `in-future`). */
export type NonceRejection = 'too-old' | 'not-newer' | 'in-future';

/** Result of {@link evaluateNonce}. */
export type NonceOutcome =
  { readonly accepted: true } | { readonly accepted: false; readonly reason: NonceRejection; readonly message: string };

/** Inputs of {@link evaluateNonce}: everything is passed in, so the rule is a pure function. */
export interface NonceCheckInput {
  /** `bt_header_dendrite_nonce` (nanoseconds since the epoch on the caller's clock). */
  readonly nonce: bigint;
  /** Server clock, nanoseconds since the epoch. */
  readonly nowNs: bigint;
  /** The request's `timeout` header (seconds), `null` when absent (counts as 0, like the SDK). */
  readonly timeoutSeconds: number | null;
  /** The last nonce accepted for this `hotkey:uuid`, `null` if none is stored (first contact or evicted). */
  readonly lastNonce: bigint | null;
  readonly policy?: NoncePolicy;
}

function effectiveTimeout(timeoutSeconds: number | null, policy: NoncePolicy): number {
  if (timeoutSeconds === null) {
    return 0;
  }
  if (Number.isNaN(timeoutSeconds) || timeoutSeconds > policy.maxTimeoutSeconds) {
    return policy.maxTimeoutSeconds;
  }
  return timeoutSeconds;
}

/** `nonce <= window` with Python's exact int/float comparison. */
function atOrBefore(nonce: bigint, window: number): boolean {
  if (Number.isNaN(window)) {
    return false;
  }
  if (!Number.isFinite(window)) {
    return window > 0;
  }
  return nonce <= BigInt(Math.floor(window));
}

/**
 * taonode's nonce rule: per `hotkey:uuid` the nonce must exceed the last accepted one; without a stored entry it
 * must be newer than `now − 4 s − timeout` (computed in float like the SDK, so messages and edges match); and it
 * may not lie more than the skew allowance in the future. Unlike the SDK the freshness check applies whatever
 * the dendrite version (entries get evicted, so "no entry" must not mean "anything goes").
 */
export function evaluateNonce(input: NonceCheckInput): NonceOutcome {
  const policy = input.policy ?? DEFAULT_NONCE_POLICY;
  const timeout = effectiveTimeout(input.timeoutSeconds, policy);
  if (input.lastNonce === null) {
    // Python: current_time_ns - ALLOWED_DELTA - timeout * 1e9 → int minus float, i.e. float arithmetic.
    const window = Number(input.nowNs - NONCE_ALLOWED_DELTA_NS) - timeout * 1e9;
    if (atOrBefore(input.nonce, window)) {
      const ageSeconds = Number(input.nowNs - input.nonce) / 1e9;
      const allowedSeconds = (4_000_000_000 + timeout * 1e9) / 1e9;
      return {
        accepted: false,
        reason: 'too-old',
        message: `Nonce is too old: acceptable delta is ${pyFormatFixed(allowedSeconds, 2)} seconds but request was ${pyFormatFixed(ageSeconds, 2)} seconds old`,
      };
    }
  } else if (input.nonce <= input.lastNonce) {
    return { accepted: false, reason: 'not-newer', message: 'Nonce is too old, a newer one was last processed' };
  }
  if (input.nonce > input.nowNs + policy.maxFutureSkewNs) {
    const aheadSeconds = Number(input.nonce - input.nowNs) / 1e9;
    return {
      accepted: false,
      reason: 'in-future',
      message: `Nonce is too far in the future: request is ${pyFormatFixed(aheadSeconds, 2)} seconds ahead, at most ${pyFormatFixed(Number(policy.maxFutureSkewNs) / 1e9, 2)} allowed`,
    };
  }
  return { accepted: true };
}

/** The SDK's nonce-store key: `"{dendrite_hotkey}:{dendrite_uuid}"` (Python prints a missing value as `None`). */
export function nonceEndpointKey(hotkey: string | null, uuid: string | null): string {
  return `${hotkey ?? 'None'}:${uuid ?? 'None'}`;
}

/** One millisecond of margin: the float window may round up to 128 ns past the exact horizon. */
const EVICTION_MARGIN_NS = 1_000_000n;

function maxWindowNs(policy: NoncePolicy): bigint {
  return NONCE_ALLOWED_DELTA_NS + BigInt(Math.ceil(policy.maxTimeoutSeconds * 1e9)) + EVICTION_MARGIN_NS;
}

/**
 * Entries whose stored nonce is at or below this value may be evicted: any replay of such a nonce is refused by
 * the first-contact freshness check (for every accepted timeout), so forgetting it opens no replay window.
 */
export function nonceEvictionHorizonNs(nowNs: bigint, policy: NoncePolicy = DEFAULT_NONCE_POLICY): bigint {
  return nowNs - maxWindowNs(policy);
}

/** How long (ns from `nowNs`) an entry storing `storedNonce` must be kept; 0 when it may go now. Use as a TTL. */
export function nonceEntryTtlNs(
  storedNonce: bigint,
  nowNs: bigint,
  policy: NoncePolicy = DEFAULT_NONCE_POLICY,
): bigint {
  const keepUntil = storedNonce + maxWindowNs(policy);
  return keepUntil > nowNs ? keepUntil - nowNs : 0n;
}
