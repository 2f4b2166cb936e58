import fc from 'fast-check';
import { epochIndex, revealWindow } from './reveal-window';

describe('revealWindow', () => {
  it('is the epoch after the commit epoch with a reveal period of 1', () => {
    // netuid 1, tempo 10: epochs change when (block + 2) crosses a multiple of 11.
    const window = revealWindow({ netuid: 1, tempo: 10, revealPeriodEpochs: 1, commitBlock: 5 });
    expect(window).toEqual({ commitEpoch: 0, revealEpoch: 1, firstBlock: 9, lastBlock: 19 });
  });

  it('covers exactly the blocks whose epoch index is the reveal epoch', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 64 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 100_000 }),
        (netuid, tempo, revealPeriodEpochs, commitBlock) => {
          const window = revealWindow({ netuid, tempo, revealPeriodEpochs, commitBlock });
          const inEpoch = (block: number): boolean => epochIndex(netuid, tempo, block) === window.revealEpoch;
          expect(inEpoch(window.firstBlock) || window.lastBlock < 0).toBe(true);
          if (window.lastBlock >= 0) {
            expect(inEpoch(window.lastBlock)).toBe(true);
          }
          expect(inEpoch(window.lastBlock + 1)).toBe(false);
          if (window.firstBlock > 0) {
            expect(inEpoch(window.firstBlock - 1)).toBe(false);
          }
        },
      ),
    );
  });
});
