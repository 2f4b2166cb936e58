import { buildSyncHarness } from '../../test/support/sync-harness';

describe('HeadTrackerService', () => {
  // Window: 3 blocks × 1000 ms.
  function started() {
    const harness = buildSyncHarness({ healthMaxLagBlocks: 3, blockTimeMs: 1000 });
    harness.tracker.start();
    return harness;
  }

  it('gives the service one window after startup to see a first head', () => {
    const { tracker, clock } = started();
    clock.advance(3000);
    expect(tracker.status().stalled).toBe(false);
    clock.advance(1);
    expect(tracker.status()).toMatchObject({ stalled: true, head: undefined, headAgeMs: 3001 });
  });

  it('is stalled once the head has not moved for longer than the window, and recovers with the next head', () => {
    const { tracker, clock } = started();
    tracker.recordHead({ number: 10, hash: '0x0a' });
    clock.advance(3001);
    expect(tracker.status().stalled).toBe(true);
    tracker.recordHead({ number: 11, hash: '0x0b' });
    expect(tracker.status()).toMatchObject({ stalled: false, headAgeMs: 0, head: { number: 11 } });
  });

  it('does not count the same head again as movement', () => {
    const { tracker, clock } = started();
    tracker.recordHead({ number: 10, hash: '0x0a' });
    clock.advance(2000);
    expect(tracker.recordHead({ number: 10, hash: '0x0a' })).toBe(false);
    expect(tracker.status().headAgeMs).toBe(2000);
  });

  it('follows a chain that restarted from a lower block', () => {
    const { tracker } = started();
    tracker.recordHead({ number: 500, hash: '0x01f4' });
    expect(tracker.recordHead({ number: 3, hash: '0x03' })).toBe(true);
    expect(tracker.latestHead).toEqual({ number: 3, hash: '0x03' });
  });

  it('calls data stale when disconnected, stalled, or more than the window behind the head', () => {
    const { tracker, clock } = started();
    tracker.setConnected(true);
    tracker.recordHead({ number: 20, hash: '0x14' });
    expect(tracker.isStale(17)).toBe(false);
    expect(tracker.isStale(16)).toBe(true);
    tracker.setConnected(false);
    expect(tracker.isStale(20)).toBe(true);
    tracker.setConnected(true);
    clock.advance(3001);
    expect(tracker.isStale(20)).toBe(true);
  });
});
