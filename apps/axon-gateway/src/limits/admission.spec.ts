import { admissionCeiling } from './admission';

describe('admissionCeiling', () => {
  const TAO = 1_000_000_000n;
  const proven = (stakeRao: bigint, maxStakeRao: bigint) => ({ stakeRao, maxStakeRao, standing: 'proven' as const });
  const claimed = (stakeRao: bigint, maxStakeRao: bigint) => ({ stakeRao, maxStakeRao, standing: 'unproven' as const });
  const suspect = (stakeRao: bigint, maxStakeRao: bigint) => ({ stakeRao, maxStakeRao, standing: 'suspect' as const });

  it('lets the largest stake use every in-flight slot and a caller without stake half of them', () => {
    expect(admissionCeiling(1000, proven(500n * TAO, 500n * TAO))).toBe(1000);
    expect(admissionCeiling(1000, proven(0n, 500n * TAO))).toBe(500);
  });

  it('grows with stake, so under overload lower stakes hit their ceiling first', () => {
    for (const claim of [proven, claimed, suspect]) {
      const ceilings = [1n, 10n, 100n, 500n].map((stake) => admissionCeiling(1000, claim(stake * TAO, 500n * TAO)));
      expect(ceilings).toEqual([...ceilings].sort((a, b) => a - b));
      expect(new Set(ceilings).size).toBe(4);
    }
  });

  it('treats an empty metagraph (no stake anywhere) like stakeless callers', () => {
    expect(admissionCeiling(1000, proven(0n, 0n))).toBe(500);
  });

  it('keeps the last quarter of a stake’s slots for requests on connections that proved the claimed hotkey', () => {
    // A flood of forged signatures claiming the largest stake fills at most 750 slots; the validator keeps 250.
    expect(admissionCeiling(1000, claimed(500n * TAO, 500n * TAO))).toBe(750);
    expect(admissionCeiling(1000, claimed(0n, 500n * TAO))).toBe(375);
    expect(admissionCeiling(1000, claimed(0n, 0n))).toBe(375);
  });

  it('holds the unproven claims of an address that sent forgeries to half of the slots', () => {
    // The flood stops at 500 slots, so a validator's new connection from elsewhere is admitted up to 750.
    expect(admissionCeiling(1000, suspect(500n * TAO, 500n * TAO))).toBe(500);
    expect(admissionCeiling(1000, suspect(0n, 500n * TAO))).toBe(250);
  });
});
