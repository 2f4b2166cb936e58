import { IpRateLimiter } from './ip-rate-limiter';

describe('IpRateLimiter', () => {
  it('allows a burst, then refills at the sustained rate', () => {
    let now = 0;
    const limiter = new IpRateLimiter({ perSecond: 10, burst: 3 }, () => now);
    expect([1, 2, 3, 4].map(() => limiter.tryTake('10.0.0.1'))).toEqual([true, true, true, false]);
    now += 100;
    expect(limiter.tryTake('10.0.0.1')).toBe(true);
    expect(limiter.tryTake('10.0.0.1')).toBe(false);
  });

  it('keeps one bucket per IP', () => {
    const limiter = new IpRateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    expect(limiter.tryTake('10.0.0.1')).toBe(true);
    expect(limiter.tryTake('10.0.0.1')).toBe(false);
    expect(limiter.tryTake('10.0.0.2')).toBe(true);
  });

  it('does not throttle one validator sending 5,000 requests per second with the defaults', () => {
    let now = 0;
    const limiter = new IpRateLimiter({ perSecond: 20_000, burst: 40_000 }, () => now);
    let refused = 0;
    for (let i = 0; i < 50_000; i += 1) {
      now = i / 5; // 5,000 per second for 10 s
      refused += limiter.tryTake('10.0.0.1') ? 0 : 1;
    }
    expect(refused).toBe(0);
  });
});
