import { parseDuration } from './devnet-command';

describe('parseDuration', () => {
  it('reads seconds, milliseconds and bare milliseconds', () => {
    expect(parseDuration('12s')).toBe(12_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5s')).toBe(1500);
    expect(parseDuration('40')).toBe(40);
  });

  it('rejects units it does not know and durations below a millisecond', () => {
    expect(() => parseDuration('1m')).toThrow('expected a duration');
    expect(() => parseDuration('0ms')).toThrow('at least 1ms');
  });
});
