import { loadRuntimeMetadata } from '../runtime/runtime-metadata';
import { FeeCalculator, FIXED_U128_ONE, perbillMul } from './fees';

describe('perbillMul', () => {
  it('rounds to the nearest unit and breaks ties downwards, as Perbill does', () => {
    expect(perbillMul(500_000n, 1999n)).toBe(1n); // 0.9995 → 1
    expect(perbillMul(500_000n, 3000n)).toBe(1n); // 1.5 → 1 (tie, down)
    expect(perbillMul(500_000n, 3001n)).toBe(2n); // 1.5005 → 2
    expect(perbillMul(500_000n, 4000n)).toBe(2n);
  });
});

describe('FeeCalculator over the spec-224 constants', () => {
  const fees = new FeeCalculator(loadRuntimeMetadata());
  const input = { length: 150, callRefTime: 163_159_000n, class: 'Normal' as const, pays: 'Yes' as const, tip: 0n };

  it('charges base (the Normal base extrinsic weight / 2000) + one rao per byte + call weight / 2000', () => {
    expect(fees.baseExtrinsicRefTime('Normal')).toBe(107_074_000n);
    expect(fees.details(input)).toEqual({
      inclusionFee: { baseFee: 53_537n, lenFee: 150n, adjustedWeightFee: 81_579n },
      tip: 0n,
    });
    expect(fees.total(input)).toBe(53_537n + 150n + 81_579n);
  });

  it('charges only the tip for Pays::No calls', () => {
    expect(fees.total({ ...input, pays: 'No', tip: 7n })).toBe(7n);
    expect(fees.details({ ...input, pays: 'No' }).inclusionFee).toBeUndefined();
  });

  it('scales the weight part by the fee multiplier', () => {
    expect(fees.total(input, 2n * FIXED_U128_ONE) - fees.total(input)).toBe(81_579n);
  });
});
