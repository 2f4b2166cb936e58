import { ConnectionGuard } from './connection-guard';

describe('ConnectionGuard', () => {
  it('admits up to the per-IP cap, then refuses that IP only', () => {
    const guard = new ConnectionGuard(2);
    expect([guard.tryOpen('10.0.0.1'), guard.tryOpen('10.0.0.1'), guard.tryOpen('10.0.0.1')]).toEqual([
      true,
      true,
      false,
    ]);
    expect(guard.tryOpen('10.0.0.2')).toBe(true);
    expect(guard.openFrom('10.0.0.1')).toBe(2);
  });

  it('frees a slot when a connection closes and forgets addresses with none open', () => {
    const guard = new ConnectionGuard(1);
    expect(guard.tryOpen('10.0.0.1')).toBe(true);
    expect(guard.tryOpen('10.0.0.1')).toBe(false);
    guard.closed('10.0.0.1');
    expect(guard.addresses).toBe(0);
    expect(guard.tryOpen('10.0.0.1')).toBe(true);
  });
});
