import { DRAND_QUICKNET } from '@taonode/timelock';
import { isChainError } from '../errors/chain.error';
import { timelockRevealRound, type TimelockContext } from './timelock-context';

const context: TimelockContext = {
  netuid: 1,
  blockNumber: 1000,
  blockHash: '0x00',
  commitRevealEnabled: true,
  commitRevealVersion: 4,
  revealPeriod: 1,
  epochs: { model: 'modulo', netuid: 1, tempo: 360 },
  beacon: DRAND_QUICKNET,
};
const clock = { nowSeconds: 1_750_000_000, blockTimeSeconds: 12 };

describe('timelockRevealRound', () => {
  it('applies the v4 rule on the chain beacon clock (timelock.md §3.3 worked example)', () => {
    expect(timelockRevealRound(context, clock)).toMatchObject({ firstRevealBlock: 1081, round: 19_065_880 });
  });

  it('applies the legacy rule (24 rounds of pulse delay) when the chain declares version 3', () => {
    expect(timelockRevealRound({ ...context, commitRevealVersion: 3 }, clock).round).toBe(19_065_845);
  });

  it('never aims below LastStoredRound plus the rounds until the target block (a beacon ahead of our clock)', () => {
    // 84 blocks · 12 s = 1008 s = 336 rounds of 3 s after the last stored round.
    expect(timelockRevealRound({ ...context, lastStoredRound: 30_000_000 }, clock).round).toBe(30_000_336);
    // A chain whose pulses lag wall time keeps the wall-clock round.
    expect(timelockRevealRound({ ...context, lastStoredRound: 19_000_000 }, clock).round).toBe(19_065_880);
  });

  it('keeps the legacy pulse-delay margin when anchoring on LastStoredRound', () => {
    const legacy = timelockRevealRound({ ...context, commitRevealVersion: 3, lastStoredRound: 30_000_000 }, clock);
    // The legacy target is the first reveal block itself: (1081 − 1000) · 12 s = 972 s = 324 rounds, minus 24.
    expect(legacy).toMatchObject({ targetBlock: 1081, round: 30_000_300 });
  });

  it('refuses a runtime without the drand pallet as unsupported', () => {
    const { beacon: _beacon, ...withoutBeacon } = context;
    let error: unknown;
    try {
      timelockRevealRound(withoutBeacon, clock);
    } catch (thrown) {
      error = thrown;
    }
    expect(isChainError(error, 'TAONODE_CHAIN_UNSUPPORTED')).toBe(true);
  });
});
