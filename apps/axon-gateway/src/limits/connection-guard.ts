/** Why a connection was closed as soon as it was accepted (a bounded metric label). */
export type ConnectionRefusal = 'per_ip' | 'total';

/**
 * Open connections per client IP. Requests are limited per IP by the rate limiter, but a client that opens
 * connections and sends nothing costs no request: without a cap, one address could hold every file descriptor
 * the process has until the head timeout closes them, and a validator's next connection would be refused.
 */
export class ConnectionGuard {
  private readonly openByIp = new Map<string, number>();

  constructor(private readonly maxPerIp: number) {}

  /** Counts a new connection from `ip`; false (and not counted) when that IP already holds its share. */
  tryOpen(ip: string): boolean {
    const open = this.openByIp.get(ip) ?? 0;
    if (open >= this.maxPerIp) {
      return false;
    }
    this.openByIp.set(ip, open + 1);
    return true;
  }

  /** A connection counted by {@link tryOpen} closed. */
  closed(ip: string): void {
    const open = this.openByIp.get(ip) ?? 0;
    if (open <= 1) {
      this.openByIp.delete(ip);
    } else {
      this.openByIp.set(ip, open - 1);
    }
  }

  /** Open connections from `ip`. */
  openFrom(ip: string): number {
    return this.openByIp.get(ip) ?? 0;
  }

  /** Addresses holding at least one connection (memory is bounded by the open connections). */
  get addresses(): number {
    return this.openByIp.size;
  }
}
