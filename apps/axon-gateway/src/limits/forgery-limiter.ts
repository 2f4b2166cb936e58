import { touchBounded } from './recent-map';

/** Suspect addresses kept at most; beyond it the least recently seen forging are forgotten. */
const MAX_SUSPECTS = 100_000;

/**
 * Remembers client addresses that sent requests with a missing, malformed or wrong signature. A validator never
 * does (its wallet signs every request), while a flood of forgeries claiming a validator's public hotkey would
 * otherwise be admitted like that validator's own new connections. The gateway admits the unproven claims of a
 * suspect address under a smaller ceiling (`admissionCeiling`), so such a flood cannot take the in-flight slots
 * that a validator's new connections from other addresses need; nothing is refused outright, so a validator that
 * shares its address with a forger is only ever held to that smaller ceiling, and its proven connections to none.
 */
export class ForgeryLimiter {
  /** Address → when it last sent a forgery; in insertion order, least recently forging first. */
  private readonly lastForgeryMs = new Map<string, number>();

  constructor(
    private readonly suspectForMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a request from `address` whose signature failed. */
  recordForgery(address: string): void {
    touchBounded(this.lastForgeryMs, address, this.now(), MAX_SUSPECTS);
  }

  /** True while `address` sent a forgery less than the suspect period ago. */
  isSuspect(address: string): boolean {
    const last = this.lastForgeryMs.get(address);
    if (last === undefined) {
      return false;
    }
    if (this.now() - last >= this.suspectForMs) {
      this.lastForgeryMs.delete(address);
      return false;
    }
    return true;
  }

  /** Addresses currently suspect or not yet found expired (a gauge; tests read it). */
  get suspectCount(): number {
    return this.lastForgeryMs.size;
  }
}
