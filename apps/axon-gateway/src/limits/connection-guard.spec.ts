import { ConnectionGuard } from './connection-guard';

/** Connections are opaque to the guard; strings make the expectations readable. */
function guardOf(maxPerIp: number, maxTotal = Number.POSITIVE_INFINITY): ConnectionGuard<string> {
  return new ConnectionGuard<string>({ maxPerIp, maxTotal });
}

const VALIDATOR_HOTKEY = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

/** One request on `connection`, answered: 200 (`verified`, by the validator's hotkey) or a refusal. */
function answered(guard: ConnectionGuard<string>, ip: string, connection: string, verified: boolean): void {
  guard.requestStarted(ip, connection);
  guard.requestEnded(ip, connection, verified ? VALIDATOR_HOTKEY : null);
}

describe('ConnectionGuard', () => {
  it('admits up to the per-IP cap without evicting anything, counting each IP apart', () => {
    const guard = guardOf(2);
    expect(guard.tryOpen('10.0.0.1', 'a1')).toEqual({ accepted: true });
    expect(guard.tryOpen('10.0.0.1', 'a2')).toEqual({ accepted: true });
    expect(guard.tryOpen('10.0.0.2', 'b1')).toEqual({ accepted: true });
    expect(guard.openFrom('10.0.0.1')).toBe(2);
    expect(guard.addresses).toBe(2);
  });

  it('at the cap, closes the oldest idle unproven connection of that IP for the newcomer', () => {
    const guard = guardOf(2);
    guard.tryOpen('10.0.0.1', 'silent-1');
    guard.tryOpen('10.0.0.1', 'silent-2');
    guard.tryOpen('10.0.0.2', 'other');
    expect(guard.tryOpen('10.0.0.1', 'new')).toEqual({ accepted: true, evicted: 'silent-1' });
    expect(guard.openFrom('10.0.0.1')).toBe(2);
    expect(guard.openFrom('10.0.0.2')).toBe(1);
    // The evicted connection's own close comes later and changes nothing.
    guard.closed('10.0.0.1', 'silent-1');
    expect(guard.openFrom('10.0.0.1')).toBe(2);
  });

  it('keeps a connection that carried a verified answer, and refuses the newcomer once all are proven', () => {
    const guard = guardOf(2);
    guard.tryOpen('10.0.0.1', 'validator');
    answered(guard, '10.0.0.1', 'validator', true);
    guard.tryOpen('10.0.0.1', 'hog-1');
    expect(guard.tryOpen('10.0.0.1', 'hog-2')).toEqual({ accepted: true, evicted: 'hog-1' });
    expect(guard.tryOpen('10.0.0.1', 'hog-3')).toEqual({ accepted: true, evicted: 'hog-2' });

    answered(guard, '10.0.0.1', 'hog-3', true);
    expect(guard.tryOpen('10.0.0.1', 'late')).toEqual({ accepted: false, reason: 'per_ip' });
  });

  it('does not count a refused request as proof', () => {
    const guard = guardOf(1);
    guard.tryOpen('10.0.0.1', 'forger');
    answered(guard, '10.0.0.1', 'forger', false);
    expect(guard.tryOpen('10.0.0.1', 'next')).toEqual({ accepted: true, evicted: 'forger' });
  });

  it('prefers an idle connection, then the one whose request began first, over a request that just began', () => {
    const guard = guardOf(3);
    guard.tryOpen('10.0.0.1', 'body-dribbler');
    guard.tryOpen('10.0.0.1', 'validator');
    guard.tryOpen('10.0.0.1', 'silent');
    guard.requestStarted('10.0.0.1', 'body-dribbler');
    guard.requestStarted('10.0.0.1', 'validator');
    expect(guard.tryOpen('10.0.0.1', 'hog-1')).toEqual({ accepted: true, evicted: 'silent' });
    guard.requestStarted('10.0.0.1', 'hog-1');
    expect(guard.tryOpen('10.0.0.1', 'hog-2')).toEqual({ accepted: true, evicted: 'body-dribbler' });
  });

  it('keeps a pipelining connection busy until its last request is answered', () => {
    const guard = guardOf(2);
    guard.tryOpen('10.0.0.1', 'pipelining');
    guard.tryOpen('10.0.0.1', 'idle');
    // Two pipelined requests, one answered: still busy, so the younger idle connection goes first.
    guard.requestStarted('10.0.0.1', 'pipelining');
    answered(guard, '10.0.0.1', 'pipelining', false);
    expect(guard.tryOpen('10.0.0.1', 'a')).toEqual({ accepted: true, evicted: 'idle' });
  });

  it('frees a slot when a connection closes and forgets addresses with none open', () => {
    const guard = guardOf(1);
    guard.tryOpen('10.0.0.1', 'a');
    answered(guard, '10.0.0.1', 'a', true);
    expect(guard.tryOpen('10.0.0.1', 'b')).toEqual({ accepted: false, reason: 'per_ip' });
    guard.closed('10.0.0.1', 'a');
    expect(guard.addresses).toBe(0);
    expect(guard.tryOpen('10.0.0.1', 'b')).toEqual({ accepted: true });
  });

  describe('the cap on all connections', () => {
    it('closes the unproven connection idle longest, whichever address holds it, for the newcomer', () => {
      const guard = guardOf(2, 3);
      guard.tryOpen('10.0.0.1', 'hog-a');
      guard.tryOpen('10.0.0.2', 'hog-b');
      guard.tryOpen('10.0.0.3', 'hog-c');
      expect(guard.tryOpen('10.0.0.9', 'validator')).toEqual({ accepted: true, evicted: 'hog-a' });
      expect(guard.open).toBe(3);
      expect(guard.openFrom('10.0.0.1')).toBe(0);
      expect(guard.addresses).toBe(3);
      // The evicted connection's own close comes later and changes nothing.
      guard.closed('10.0.0.1', 'hog-a');
      expect(guard.open).toBe(3);
    });

    it('goes for idle connections first, then the request that began first, and never a proven one', () => {
      const guard = guardOf(4, 4);
      guard.tryOpen('10.0.0.1', 'proven');
      answered(guard, '10.0.0.1', 'proven', true);
      guard.tryOpen('10.0.0.2', 'dribbler');
      guard.tryOpen('10.0.0.3', 'validator');
      guard.tryOpen('10.0.0.4', 'silent');
      guard.requestStarted('10.0.0.2', 'dribbler');
      guard.requestStarted('10.0.0.3', 'validator');
      expect(guard.tryOpen('10.0.0.5', 'new-1')).toEqual({ accepted: true, evicted: 'silent' });
      expect(guard.tryOpen('10.0.0.5', 'new-2')).toEqual({ accepted: true, evicted: 'new-1' });
      guard.requestStarted('10.0.0.5', 'new-2');
      expect(guard.tryOpen('10.0.0.6', 'new-3')).toEqual({ accepted: true, evicted: 'dribbler' });
    });

    it('counts a connection idle again from the end of its refused request, after those idle since before', () => {
      const guard = guardOf(4, 3);
      guard.tryOpen('10.0.0.1', 'refused');
      guard.tryOpen('10.0.0.2', 'silent');
      guard.tryOpen('10.0.0.3', 'later');
      answered(guard, '10.0.0.1', 'refused', false);
      expect(guard.tryOpen('10.0.0.4', 'new-1')).toEqual({ accepted: true, evicted: 'silent' });
      expect(guard.tryOpen('10.0.0.4', 'new-2')).toEqual({ accepted: true, evicted: 'later' });
      expect(guard.tryOpen('10.0.0.4', 'new-3')).toEqual({ accepted: true, evicted: 'refused' });
    });

    it('refuses the newcomer only when every open connection is proven', () => {
      const guard = guardOf(4, 2);
      guard.tryOpen('10.0.0.1', 'a');
      guard.tryOpen('10.0.0.2', 'b');
      answered(guard, '10.0.0.1', 'a', true);
      guard.requestStarted('10.0.0.2', 'b');
      expect(guard.tryOpen('10.0.0.3', 'c')).toEqual({ accepted: true, evicted: 'b' });
      answered(guard, '10.0.0.3', 'c', true);
      expect(guard.tryOpen('10.0.0.4', 'd')).toEqual({ accepted: false, reason: 'total' });
      guard.closed('10.0.0.1', 'a');
      expect(guard.tryOpen('10.0.0.4', 'd')).toEqual({ accepted: true });
    });

    it('lets the per-address share decide first: a full address loses its own connection, not another', () => {
      const guard = guardOf(2, 3);
      guard.tryOpen('10.0.0.1', 'other');
      guard.tryOpen('10.0.0.2', 'hog-1');
      guard.tryOpen('10.0.0.2', 'hog-2');
      expect(guard.tryOpen('10.0.0.2', 'hog-3')).toEqual({ accepted: true, evicted: 'hog-1' });
      expect(guard.openFrom('10.0.0.1')).toBe(1);
    });
  });

  it('remembers the hotkey a connection proved last, and none for a connection that only carried refusals', () => {
    const guard = guardOf(4);
    guard.tryOpen('10.0.0.1', 'validator');
    guard.tryOpen('10.0.0.1', 'refused');
    answered(guard, '10.0.0.1', 'refused', false);
    expect(guard.provenHotkey('10.0.0.1', 'refused')).toBeUndefined();
    answered(guard, '10.0.0.1', 'validator', true);
    expect(guard.provenHotkey('10.0.0.1', 'validator')).toBe(VALIDATOR_HOTKEY);
    // A later refusal on it does not take the proof back; a later verified request of another hotkey replaces it.
    answered(guard, '10.0.0.1', 'validator', false);
    expect(guard.provenHotkey('10.0.0.1', 'validator')).toBe(VALIDATOR_HOTKEY);
    guard.requestStarted('10.0.0.1', 'validator');
    guard.requestEnded('10.0.0.1', 'validator', 'other-hotkey');
    expect(guard.provenHotkey('10.0.0.1', 'validator')).toBe('other-hotkey');
    guard.closed('10.0.0.1', 'validator');
    expect(guard.provenHotkey('10.0.0.1', 'validator')).toBeUndefined();
  });
});
