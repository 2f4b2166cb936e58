import { touchBounded } from './recent-map';

/** Settings of the per-IP token bucket. */
export interface RateLimit {
  /** Tokens added per second (sustained requests per second). */
  readonly perSecond: number;
  /** Bucket size (largest burst). */
  readonly burst: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Buckets kept at most; beyond it the oldest-touched are dropped (a full bucket is the same as no bucket). */
const MAX_TRACKED_IPS = 100_000;

/**
 * A token bucket per client IP, in memory: the check runs before any decoding or Redis call, so it must cost
 * nanoseconds. Per replica: behind a load balancer each replica enforces its share.
 */
export class IpRateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `ip`; false when its bucket is empty. */
  tryTake(ip: string): boolean {
    const nowMs = this.now();
    let bucket = this.buckets.get(ip);
    if (bucket === undefined) {
      bucket = { tokens: this.limit.burst, updatedMs: nowMs };
    } else {
      const refill = ((nowMs - bucket.updatedMs) / 1000) * this.limit.perSecond;
      bucket.tokens = Math.min(this.limit.burst, bucket.tokens + refill);
      bucket.updatedMs = nowMs;
    }
    touchBounded(this.buckets, ip, bucket, MAX_TRACKED_IPS);
    if (bucket.tokens < 1) {
      return false;
    }
    bucket.tokens -= 1;
    return true;
  }
}
