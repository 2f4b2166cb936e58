import { ForgeryLimiter } from './forgery-limiter';

describe('ForgeryLimiter', () => {
  it('suspects only the address that sent a forgery', () => {
    const limiter = new ForgeryLimiter(60_000, () => 0);
    expect(limiter.isSuspect('10.0.0.1')).toBe(false);
    limiter.recordForgery('10.0.0.1');
    expect(limiter.isSuspect('10.0.0.1')).toBe(true);
    expect(limiter.isSuspect('10.0.0.2')).toBe(false);
  });

  it('forgives an address once it has sent no forgery for the suspect period', () => {
    let now = 0;
    const limiter = new ForgeryLimiter(10_000, () => now);
    limiter.recordForgery('10.0.0.1');
    now = 5_000;
    limiter.recordForgery('10.0.0.1');
    now = 14_999;
    expect(limiter.isSuspect('10.0.0.1')).toBe(true);
    now = 15_000;
    expect(limiter.isSuspect('10.0.0.1')).toBe(false);
    expect(limiter.suspectCount).toBe(0);
  });

  it('stays bounded under forgeries from many addresses, forgetting the least recent forger first', () => {
    let now = 0;
    const limiter = new ForgeryLimiter(3_600_000, () => now);
    limiter.recordForgery('10.9.9.9');
    for (let i = 0; i < 100_050; i += 1) {
      now = i;
      limiter.recordForgery(`10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
      if (i === 60) {
        limiter.recordForgery('10.9.9.9');
      }
    }
    expect(limiter.suspectCount).toBe(100_000);
    // The first forger forged again after 10.0.0.60: it outlives the 51 older ones the newest pushed out.
    expect(limiter.isSuspect('10.9.9.9')).toBe(true);
    expect(limiter.isSuspect('10.0.0.50')).toBe(false);
    expect(limiter.isSuspect('10.0.0.51')).toBe(true);
    expect(limiter.isSuspect('10.1.134.209')).toBe(true);
  });
});
