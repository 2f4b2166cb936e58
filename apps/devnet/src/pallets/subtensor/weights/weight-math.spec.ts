import fc from 'fast-check';
import { isMaxLimited, maxUpscaleToU16 } from './weight-math';

describe('u16 weight arithmetic', () => {
  it('max-upscales so the largest is 65535, rounding half away from zero', () => {
    expect(maxUpscaleToU16([1, 2, 4])).toEqual([16384, 32768, 65535]);
    expect(maxUpscaleToU16([9362, 18724, 65535])).toEqual([9362, 18724, 65535]);
    expect(maxUpscaleToU16([0, 0])).toEqual([0, 0]);
    expect(maxUpscaleToU16([100, 40000])).toEqual([164, 65535]);
  });

  it('is idempotent on rows already upscaled and always reaches 65535 at the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 65535 }), { minLength: 1, maxLength: 32 }), (values) => {
        const once = maxUpscaleToU16(values);
        if (Math.max(...values) > 0) {
          expect(Math.max(...once)).toBe(65535);
        }
        expect(maxUpscaleToU16(once)).toEqual(once);
      }),
    );
  });

  it('checks the normalised maximum against the limit', () => {
    expect(isMaxLimited([1, 1], 32768)).toBe(true);
    expect(isMaxLimited([1, 3], 32768)).toBe(false);
    expect(isMaxLimited([0, 0], 1)).toBe(true);
  });
});
