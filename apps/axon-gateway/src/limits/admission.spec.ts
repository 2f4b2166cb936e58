import { admissionCeiling } from './admission';

describe('admissionCeiling', () => {
  const TAO = 1_000_000_000n;

  it('lets the largest stake use every in-flight slot and a caller without stake half of them', () => {
    expect(admissionCeiling(1000, 500n * TAO, 500n * TAO)).toBe(1000);
    expect(admissionCeiling(1000, 0n, 500n * TAO)).toBe(500);
  });

  it('grows with stake, so under overload lower stakes hit their ceiling first', () => {
    const ceilings = [1n, 10n, 100n, 500n].map((stake) => admissionCeiling(1000, stake * TAO, 500n * TAO));
    expect(ceilings).toEqual([...ceilings].sort((a, b) => a - b));
    expect(new Set(ceilings).size).toBe(4);
  });

  it('treats an empty metagraph (no stake anywhere) like stakeless callers', () => {
    expect(admissionCeiling(1000, 0n, 0n)).toBe(500);
  });
});
