import fc from 'fast-check';
import { epochIndex, nextStatefulEpochBlock, revealWindow, statefulRevealWindow } from './reveal-window';

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

describe('statefulRevealWindow (spec 424 scheduler)', () => {
  const epochs = { tempo: 10, subnetEpochIndex: 4, lastEpochBlock: 40, pendingEpochAt: 0 };

  it('opens at the block that starts the reveal epoch and closes before the next one', () => {
    // State at block 43: epoch 4 runs until block 49, epoch 5 starts at 50, epoch 6 at 60.
    expect(statefulRevealWindow({ epochs, stateBlock: 43, commitEpoch: 4, revealPeriodEpochs: 1 })).toEqual({
      commitEpoch: 4,
      revealEpoch: 5,
      firstBlock: 50,
      lastBlock: 59,
    });
    expect(statefulRevealWindow({ epochs, stateBlock: 43, commitEpoch: 4, revealPeriodEpochs: 3 }).firstBlock).toBe(70);
  });

  it('is the running epoch when the reveal epoch has begun, and past when it is over', () => {
    expect(statefulRevealWindow({ epochs, stateBlock: 43, commitEpoch: 3, revealPeriodEpochs: 1 })).toEqual({
      commitEpoch: 3,
      revealEpoch: 4,
      firstBlock: 40,
      lastBlock: 49,
    });
    expect(statefulRevealWindow({ epochs, stateBlock: 43, commitEpoch: 2, revealPeriodEpochs: 1 }).lastBlock).toBe(39);
  });

  it('counts a pending (triggered or deferred) epoch first', () => {
    expect(nextStatefulEpochBlock({ ...epochs, pendingEpochAt: 45 }, 43)).toBe(45);
    expect(
      statefulRevealWindow({
        epochs: { ...epochs, pendingEpochAt: 45 },
        stateBlock: 43,
        commitEpoch: 4,
        revealPeriodEpochs: 1,
      }),
    ).toMatchObject({ firstBlock: 45, lastBlock: 54 });
  });
});
