import { connectionCapWithin, openFileSoftLimit } from './open-file-limit';

const LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

describe('openFileSoftLimit', () => {
  it('reads the soft limit on open files from /proc/self/limits', () => {
    expect(openFileSoftLimit(() => LIMITS)).toBe(1024);
  });

  it('is undefined when unlimited or when the file cannot be read (not Linux)', () => {
    expect(openFileSoftLimit(() => LIMITS.replace('1024 ', 'unlimited'))).toBeUndefined();
    expect(
      openFileSoftLimit(() => {
        throw new Error('ENOENT');
      }),
    ).toBeUndefined();
  });

  it('reads this process its real limit on Linux', () => {
    const limit = openFileSoftLimit();
    if (process.platform === 'linux') {
      expect(limit).toBeGreaterThan(0);
    } else {
      expect(limit).toBeUndefined();
    }
  });
});

describe('connectionCapWithin', () => {
  it('keeps the configured cap when the limit leaves room for it and everything else', () => {
    expect(connectionCapWithin(16_384, 1_048_576)).toBe(16_384);
    expect(connectionCapWithin(16_384, undefined)).toBe(16_384);
  });

  it('lowers the cap below a small limit, keeping room for the files the process needs besides', () => {
    expect(connectionCapWithin(16_384, 1024)).toBe(960);
    expect(connectionCapWithin(16_384, 20_000)).toBe(16_384);
    expect(connectionCapWithin(16_384, 16_384)).toBe(15_360);
    expect(connectionCapWithin(16_384, 10)).toBe(1);
  });
});
