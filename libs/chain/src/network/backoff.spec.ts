import fc from 'fast-check';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';

describe('backoffDelay', () => {
  it('doubles the nominal delay per attempt and caps it', () => {
    const withoutJitter = (attempt: number): number => backoffDelay(attempt, DEFAULT_BACKOFF, () => 1);
    expect([0, 1, 2, 3].map(withoutJitter)).toEqual([250, 500, 1000, 2000]);
    expect(withoutJitter(20)).toBe(DEFAULT_BACKOFF.maxMs);
  });

  it('waits at least half the nominal delay and at most all of it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, r) => {
          const nominal = Math.min(DEFAULT_BACKOFF.maxMs, DEFAULT_BACKOFF.initialMs * 2 ** attempt);
          const delay = backoffDelay(attempt, DEFAULT_BACKOFF, () => r);
          expect(delay).toBeGreaterThanOrEqual(Math.floor(nominal / 2));
          expect(delay).toBeLessThanOrEqual(nominal);
        },
      ),
    );
  });

  it('spreads clients that retry at the same attempt', () => {
    const delays = [0, 0.25, 0.5, 0.75].map((r) => backoffDelay(3, DEFAULT_BACKOFF, () => r));
    expect(new Set(delays).size).toBe(4);
  });
});
