import { yumaLite, type YumaInput } from './yuma-lite';

/** Two validators (stake 3:1) and two miners; the big validator splits its weight, the small one backs uid 2. */
const base: YumaInput = {
  stake: [3, 1, 0, 0],
  active: [true, true, true, true],
  validatorPermit: [true, true, true, true],
  maxAllowedValidators: 64,
  weights: [
    [
      [2, 65535],
      [3, 65535],
    ],
    [[2, 65535]],
    [],
    [],
  ],
  bonds: [[], [], [], []],
  lastUpdate: [10, 10, 10, 10],
  blockAtRegistration: [0, 0, 0, 0],
  kappa: 32767 / 65535,
  bondsPenalty: 0,
  bondsMovingAverage: 0.9,
};

describe('Yuma-lite', () => {
  it('computes consensus, trust, incentive, validator trust and dividends as derived by hand', () => {
    const out = yumaLite(base);
    // Column 2: scores 0.5 (stake .75) and 1 (stake .25) → median 0.5; column 3: 0 (.25) and 0.5 (.75) → 0.5.
    expect(out.consensus).toEqual([0, 0, 0.5, 0.5]);
    expect(out.validatorTrust).toEqual([1, 0.5, 0, 0]);
    expect(out.trust[2]).toBeCloseTo(0.8, 12);
    expect(out.trust[3]).toBeCloseTo(1, 12);
    expect(out.incentive[2]).toBeCloseTo(4 / 7, 12);
    expect(out.incentive[3]).toBeCloseTo(3 / 7, 12);
    // Bonds: column 2 split .6/.4 by stake × weight, column 3 all validator 0.
    expect(out.dividends[0]).toBeCloseTo(0.6 * (4 / 7) + 3 / 7, 12);
    expect(out.dividends[1]).toBeCloseTo(0.4 * (4 / 7), 12);
    expect(out.serverEmission[2]).toBeCloseTo(2 / 7, 12);
    expect(
      out.validatorEmission.reduce((a, b) => a + b, 0) + out.serverEmission.reduce((a, b) => a + b, 0),
    ).toBeCloseTo(1, 12);
    expect(out.bonds[0]).toEqual([
      [2, 1],
      [3, 1],
    ]);
    expect(out.bonds[1]?.[0]?.[1]).toBeCloseTo(0.4 / 0.6, 12);
  });

  it('grants permits to the top stakes only when there are more uids than validator slots', () => {
    expect(yumaLite({ ...base, maxAllowedValidators: 4 }).validatorPermit).toEqual([true, true, true, true]);
    expect(yumaLite({ ...base, maxAllowedValidators: 1 }).validatorPermit).toEqual([true, false, false, false]);
    // Equal stakes: the ascending stable sort drops the lower uids first.
    expect(yumaLite({ ...base, stake: [1, 1, 1, 1], maxAllowedValidators: 2 }).validatorPermit).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('ignores weights of uids without a permit, self-weights and weights older than the target registration', () => {
    const out = yumaLite({
      ...base,
      validatorPermit: [true, false, true, true],
      weights: [
        [
          [0, 65535],
          [2, 65535],
        ],
        [[3, 65535]],
        [],
        [],
      ],
      blockAtRegistration: [0, 0, 0, 20],
    });
    expect(out.incentive).toEqual([0, 0, 1, 0]);
    expect(out.consensus[3]).toBe(0);
  });

  it('pays validators by active stake when no incentive is earned', () => {
    const out = yumaLite({ ...base, weights: [[], [], [], []] });
    expect(out.validatorEmission).toEqual([0.75, 0.25, 0, 0]);
    expect(out.serverEmission).toEqual([0, 0, 0, 0]);
  });
});
