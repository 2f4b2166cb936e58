import { TimelockError } from '../timelock.error';
import { MAX_TEMPO, revealSchedule, type EpochState } from './epoch-schedule';
import { legacyRevealRound, revealRound, type RevealRoundInput } from './reveal-round';

const QUICKNET_CLOCK = { genesisTime: 1692803367, period: 3 };

function stateful(fields: Partial<Extract<EpochState, { model: 'stateful' }>>): EpochState {
  return {
    model: 'stateful',
    tempo: 360,
    lastEpochBlock: 0,
    pendingEpochAt: 0,
    subnetEpochIndex: 0,
    blocksSinceLastStep: 0,
    ...fields,
  };
}

describe('revealRound, modulo epochs (runtimes without SubnetEpochIndex)', () => {
  const workedExample: RevealRoundInput = {
    epochs: { model: 'modulo', netuid: 1, tempo: 360 },
    revealPeriod: 1,
    currentBlock: 1000,
    nowSeconds: 1_750_000_000,
    blockTimeSeconds: 12,
    beacon: QUICKNET_CLOCK,
  };

  it('reproduces the worked example of timelock.md §3.3 (bittensor-drand 1.x generate_commit)', () => {
    expect(revealRound(workedExample)).toEqual({
      commitEpoch: 2,
      revealEpoch: 3,
      firstRevealBlock: 1081,
      targetBlock: 1084,
      round: 19_065_880,
    });
  });

  it('reads the beacon clock it is given instead of assuming quicknet', () => {
    const devnetBeacon = { genesisTime: 1_750_000_000, period: 6 };
    // 84 blocks of 12 s ahead of now, on a beacon that started now with 6 s rounds.
    expect(revealRound({ ...workedExample, beacon: devnetBeacon }).round).toBe(168);
  });

  it('moves the reveal by one epoch per extra reveal period', () => {
    expect(revealRound({ ...workedExample, revealPeriod: 3 }).firstRevealBlock).toBe(1081 + 2 * 361);
  });

  it('files a commit sent in the last block of an epoch under the next epoch (it lands one block later)', () => {
    // Block 1080 + 2 = 1082 = 3·361 - 1: the inclusion block 1081 is the first of epoch 3.
    expect(revealSchedule(workedExample.epochs, 1080, 1)).toEqual({
      commitEpoch: 3,
      revealEpoch: 4,
      firstRevealBlock: 4 * 361 - 2,
    });
  });

  it('staggers epochs by netuid', () => {
    expect(revealSchedule({ model: 'modulo', netuid: 5, tempo: 99 }, 10, 1).firstRevealBlock).toBe(100 - 6);
  });
});

describe('revealSchedule, stateful epochs (SubnetEpochIndex, spec 424 on)', () => {
  // The table vectors of bittensor-drand 2.x src/epoch_schedule_vectors.rs (timelock.md §3.3).
  it('cycle_reset: tempo 50 from an epoch at block 10 reveals at block 60', () => {
    const schedule = revealSchedule(stateful({ lastEpochBlock: 10, tempo: 50 }), 10, 1);
    expect(schedule).toEqual({ commitEpoch: 0, revealEpoch: 1, firstRevealBlock: 60 });
  });

  it('pending_fires_before_auto: an owner trigger at 95 comes before the automatic epoch at 100', () => {
    const schedule = revealSchedule(stateful({ lastEpochBlock: 80, pendingEpochAt: 95, tempo: 20 }), 91, 1);
    expect(schedule.firstRevealBlock).toBe(95);
  });

  it('tempo_zero: no epochs, no reveal', () => {
    expect(() => revealSchedule(stateful({ tempo: 0 }), 10, 1)).toThrow(TimelockError);
    expect(() => revealSchedule({ model: 'modulo', netuid: 1, tempo: 0 }, 10, 1)).toThrow(TimelockError);
  });

  it('commit epoch vector: a commit at block 120 after an epoch at 100 (tempo 50) is in epoch 0', () => {
    expect(revealSchedule(stateful({ lastEpochBlock: 100, tempo: 50 }), 120, 1).commitEpoch).toBe(0);
  });

  it('uses the period tempo, not tempo + 1, and counts on from the stored epoch index', () => {
    const schedule = revealSchedule(stateful({ lastEpochBlock: 1000, tempo: 360, subnetEpochIndex: 41 }), 1100, 2);
    expect(schedule).toEqual({ commitEpoch: 41, revealEpoch: 43, firstRevealBlock: 1720 });
  });

  it('files a commit landing on a firing block under the epoch that block starts', () => {
    // The inclusion block 60 fires (60 - 10 ≥ 50): look-ahead epoch 1, so the reveal is epoch 2 at block 110.
    expect(revealSchedule(stateful({ lastEpochBlock: 10, tempo: 50 }), 59, 1)).toEqual({
      commitEpoch: 1,
      revealEpoch: 2,
      firstRevealBlock: 110,
    });
  });

  it('fires through the MAX_TEMPO safety net when tempo is longer than the step counter allows', () => {
    const schedule = revealSchedule(
      stateful({ lastEpochBlock: 0, tempo: 65_000, blocksSinceLastStep: MAX_TEMPO - 5 }),
      100,
      1,
    );
    expect(schedule.firstRevealBlock).toBe(106);
  });

  it('times the round from the stateful reveal block plus the security offset', () => {
    const input: RevealRoundInput = {
      epochs: stateful({ lastEpochBlock: 10, tempo: 50 }),
      revealPeriod: 1,
      currentBlock: 10,
      nowSeconds: QUICKNET_CLOCK.genesisTime + 3000,
      blockTimeSeconds: 12,
      beacon: QUICKNET_CLOCK,
    };
    // Target block 63 is 53 blocks (636 s) ahead: round floor((3000 + 636) / 3).
    expect(revealRound(input)).toMatchObject({ firstRevealBlock: 60, targetBlock: 63, round: 1212 });
  });

  it('refuses a reveal period below one epoch', () => {
    expect(() => revealSchedule(stateful({}), 10, 0)).toThrow(TimelockError);
  });
});

describe('legacyRevealRound (v3 commits, bittensor-drand ≤ 0.5)', () => {
  const input: RevealRoundInput = {
    epochs: { model: 'modulo', netuid: 1, tempo: 360 },
    revealPeriod: 1,
    currentBlock: 1000,
    nowSeconds: 1_750_000_000,
    blockTimeSeconds: 12,
    beacon: QUICKNET_CLOCK,
  };

  it('aims 24 rounds before the reveal block, rounding up, with no security offset', () => {
    // 81 blocks = 972 s ahead: ceil((1.75e9 + 972 - genesis) / 3) - 24.
    expect(legacyRevealRound(input)).toMatchObject({ firstRevealBlock: 1081, round: 19_065_845 });
  });

  it('moves to a later reveal epoch when the reveal block is under 72 s away', () => {
    expect(legacyRevealRound({ ...input, currentBlock: 1077 }).firstRevealBlock).toBe(1081 + 361);
  });
});
