import fc from 'fast-check';
import { stakeFromShares } from './alpha-shares';

const ONE = 1n << 64n;

describe('stakeFromShares', () => {
  it('gives the whole pool to the only share holder', () => {
    expect(stakeFromShares(2_000_000_000_000n, 2_000_000_000_000n * ONE, 2_000_000_000_000n * ONE)).toBe(
      2_000_000_000_000n,
    );
  });

  it('splits the pool in proportion to shares, truncating', () => {
    // Pool of 1000 rao, 3 shares in total: one share is worth 333.33… rao.
    expect(stakeFromShares(1000n, 3n * ONE, ONE)).toBe(333n);
    expect(stakeFromShares(1000n, 3n * ONE, 2n * ONE)).toBe(666n);
  });

  it('lets emission credited to the pool raise every holder without new shares', () => {
    expect(stakeFromShares(1500n, 1000n * ONE, 500n * ONE)).toBe(750n);
  });

  it('is zero for an empty pool or no shares', () => {
    expect(stakeFromShares(1000n, 0n, ONE)).toBe(0n);
    expect(stakeFromShares(1000n, ONE, 0n)).toBe(0n);
  });

  it('never hands out more than the pool holds', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 1n, max: 1n << 100n }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (pool, total, fraction) => {
          const share =
            BigInt(Math.floor(Number(total) * fraction)) > total ? total : BigInt(Math.floor(Number(total) * fraction));
          expect(stakeFromShares(pool, total, share)).toBeLessThanOrEqual(pool);
        },
      ),
    );
  });
});
