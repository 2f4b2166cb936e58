import { NonceClock } from './nonce-clock';

describe('NonceClock', () => {
  it('bumps by one nanosecond when the clock has not moved', () => {
    const clock = new NonceClock(() => 1_000n);
    expect([clock.next(), clock.next(), clock.next()]).toEqual([1_000n, 1_001n, 1_002n]);
  });

  it('never goes backwards when the wall clock does', () => {
    const readings = [5_000n, 4_000n, 6_000n];
    const clock = new NonceClock(() => readings.shift() ?? 0n);
    expect([clock.next(), clock.next(), clock.next()]).toEqual([5_000n, 5_001n, 6_000n]);
  });
});
