import { loadBittensorVectors } from '@taonode/testing';
import type { BittensorVectors } from '../../test/support/shared-vectors';
import {
  DEFAULT_NONCE_POLICY,
  evaluateNonce,
  NONCE_ALLOWED_DELTA_NS,
  nonceEndpointKey,
  nonceEntryTtlNs,
  nonceEvictionHorizonNs,
} from './nonce-policy';

const NOW = 1_795_300_969_081_857_372n;
const SECOND = 1_000_000_000n;

describe('evaluateNonce', () => {
  const window = loadBittensorVectors<BittensorVectors>().nonce_window;

  it('uses the SDK delta', () => {
    expect(NONCE_ALLOWED_DELTA_NS).toBe(BigInt(window.ALLOWED_DELTA_ns));
  });

  it.each(window.examples_timeout_12)(
    'first contact, timeout 12, $age_s s old → accepted=$accepted',
    ({ age_s, accepted }) => {
      const outcome = evaluateNonce({
        nonce: NOW - BigInt(age_s) * SECOND,
        nowNs: NOW,
        timeoutSeconds: 12,
        lastNonce: null,
      });
      expect(outcome.accepted).toBe(accepted);
    },
  );

  it('words a stale first nonce exactly like the SDK', () => {
    const outcome = evaluateNonce({ nonce: NOW - 30n * SECOND, nowNs: NOW, timeoutSeconds: 12, lastNonce: null });
    expect(outcome).toEqual({
      accepted: false,
      reason: 'too-old',
      message: 'Nonce is too old: acceptable delta is 16.00 seconds but request was 30.00 seconds old',
    });
  });

  it('rounds the message like Python format(.2f)', () => {
    const outcome = evaluateNonce({
      nonce: NOW - 16_125_000_000n,
      nowNs: NOW,
      timeoutSeconds: 12,
      lastNonce: null,
    });
    expect(outcome).toMatchObject({ message: expect.stringContaining('request was 16.12 seconds old') as unknown });
  });

  it('is exact at the window edge when the clock value is a double (Python compares int and float exactly)', () => {
    // 256 is the spacing of doubles near 1.8e18, so this clock value and the window are exact in float.
    const now = 7_012_894_410_476_005n * 256n;
    const edge = now - 16n * SECOND;
    expect(evaluateNonce({ nonce: edge, nowNs: now, timeoutSeconds: 12, lastNonce: null }).accepted).toBe(false);
    expect(evaluateNonce({ nonce: edge + 1n, nowNs: now, timeoutSeconds: 12, lastNonce: null }).accepted).toBe(true);
  });

  it('requires strictly increasing nonces once one is stored (old ones fine, replays not)', () => {
    const last = NOW - 100n * SECOND;
    expect(evaluateNonce({ nonce: last + 1n, nowNs: NOW, timeoutSeconds: 12, lastNonce: last }).accepted).toBe(true);
    expect(evaluateNonce({ nonce: last, nowNs: NOW, timeoutSeconds: 12, lastNonce: last })).toEqual({
      accepted: false,
      reason: 'not-newer',
      message: 'Nonce is too old, a newer one was last processed',
    });
  });

  it('refuses nonces beyond the future-skew allowance (taonode policy)', () => {
    const ahead = NOW + DEFAULT_NONCE_POLICY.maxFutureSkewNs + 1n;
    expect(evaluateNonce({ nonce: ahead, nowNs: NOW, timeoutSeconds: 12, lastNonce: null })).toMatchObject({
      accepted: false,
      reason: 'in-future',
    });
    expect(evaluateNonce({ nonce: NOW + SECOND, nowNs: NOW, timeoutSeconds: 12, lastNonce: null }).accepted).toBe(true);
  });

  it('bounds the window by the policy: NaN, infinite or huge timeouts count as the maximum', () => {
    const old = NOW - 100n * SECOND;
    for (const timeoutSeconds of [NaN, Infinity, 1e9]) {
      expect(evaluateNonce({ nonce: old, nowNs: NOW, timeoutSeconds, lastNonce: null }).accepted).toBe(false);
    }
    expect(evaluateNonce({ nonce: NOW - 50n * SECOND, nowNs: NOW, timeoutSeconds: 60, lastNonce: null }).accepted).toBe(
      true,
    );
  });

  it('treats a missing timeout as 0 like the SDK (4 s window)', () => {
    expect(
      evaluateNonce({ nonce: NOW - 5n * SECOND, nowNs: NOW, timeoutSeconds: null, lastNonce: null }).accepted,
    ).toBe(false);
  });
});

describe('nonce store helpers', () => {
  it('keys entries by "hotkey:uuid"', () => {
    expect(nonceEndpointKey('5Grw', 'u-1')).toBe('5Grw:u-1');
    expect(nonceEndpointKey('5Grw', null)).toBe('5Grw:None');
  });

  it('only lets entries go once a replay would fail freshness for every accepted timeout', () => {
    const horizon = nonceEvictionHorizonNs(NOW);
    const evicted = horizon;
    // After eviction the replay is a first contact; with the largest timeout it must still be refused.
    const replay = evaluateNonce({
      nonce: evicted,
      nowNs: NOW,
      timeoutSeconds: DEFAULT_NONCE_POLICY.maxTimeoutSeconds,
      lastNonce: null,
    });
    expect(replay.accepted).toBe(false);
    expect(nonceEntryTtlNs(evicted, NOW)).toBe(0n);
    expect(nonceEntryTtlNs(NOW, NOW)).toBe(NOW - horizon);
  });
});
