/** Why a connection was closed as soon as it was accepted (a bounded metric label). */
export type ConnectionRefusal = 'per_ip' | 'total';

/** What {@link ConnectionGuard.tryOpen} decided for a new connection. */
export type ConnectionAdmission<C> =
  { readonly accepted: true; readonly evicted?: C } | { readonly accepted: false; readonly reason: ConnectionRefusal };

/** What the guard knows of one open connection. */
interface ConnectionState {
  /** Requests received on it and not yet answered (HTTP/1.1 may pipeline several). */
  requestsInProgress: number;
  /** Order in which its current run of requests began (a counter, not a clock); 0 while idle. */
  busySince: number;
  /** It carried a verified, answered request: a caller worth keeping, not a connection hog. */
  proven: boolean;
}

/**
 * Open connections per client IP. Requests are limited per IP by the rate limiter, but a client that opens
 * connections and sends nothing (or dribbles a head) costs no request: without a cap, one address could hold
 * every file descriptor the process has until the head timeout closes them.
 *
 * A validator often shares its address with what attacks it (the same host, a NAT, a cloud egress IP), so when
 * an address holds its share the guard does not simply refuse the newcomer, which would let a hog starve the
 * validator's next connection: it closes one of that address's unproven connections (none of its requests was
 * verified and answered) and admits the newcomer — the oldest idle one (silent or dribbling its head), else the
 * one whose request began first (a body dribbled for seconds goes before a validator's request that just began).
 * Hogs then push out only each other, and a validator's fresh connection, which sends its request at once, is the
 * last candidate until that request is answered and proves it. Only when every connection of the address is proven
 * is the newcomer refused.
 */
export class ConnectionGuard<C> {
  /** Per IP, its open connections in the order they were accepted (oldest first). */
  private readonly byIp = new Map<string, Map<C, ConnectionState>>();
  private requestOrder = 0;

  constructor(private readonly maxPerIp: number) {}

  /** Counts a new connection from `ip`, closing (handing back) an older unproven one of the same IP if needed. */
  tryOpen(ip: string, connection: C): ConnectionAdmission<C> {
    let open = this.byIp.get(ip);
    if (open === undefined) {
      open = new Map();
      this.byIp.set(ip, open);
    }
    let evicted: C | undefined;
    if (open.size >= this.maxPerIp) {
      evicted = this.evictionCandidate(open);
      if (evicted === undefined) {
        return { accepted: false, reason: 'per_ip' };
      }
      open.delete(evicted);
    }
    open.set(connection, { requestsInProgress: 0, busySince: 0, proven: false });
    return evicted === undefined ? { accepted: true } : { accepted: true, evicted };
  }

  /** A request arrived on `connection` (its head is complete). */
  requestStarted(ip: string, connection: C): void {
    const state = this.byIp.get(ip)?.get(connection);
    if (state !== undefined) {
      if (state.requestsInProgress === 0) {
        state.busySince = ++this.requestOrder;
      }
      state.requestsInProgress += 1;
    }
  }

  /** A request on `connection` was answered (or abandoned); `verified` when it was answered 200. */
  requestEnded(ip: string, connection: C, verified: boolean): void {
    const state = this.byIp.get(ip)?.get(connection);
    if (state !== undefined) {
      state.requestsInProgress = Math.max(0, state.requestsInProgress - 1);
      if (state.requestsInProgress === 0) {
        state.busySince = 0;
      }
      state.proven ||= verified;
    }
  }

  /** A connection closed (whether or not it was counted: evicted ones are already forgotten). */
  closed(ip: string, connection: C): void {
    const open = this.byIp.get(ip);
    if (open === undefined) {
      return;
    }
    open.delete(connection);
    if (open.size === 0) {
      this.byIp.delete(ip);
    }
  }

  /** Open connections from `ip`. */
  openFrom(ip: string): number {
    return this.byIp.get(ip)?.size ?? 0;
  }

  /** Addresses holding at least one connection (memory is bounded by the open connections). */
  get addresses(): number {
    return this.byIp.size;
  }

  private evictionCandidate(open: ReadonlyMap<C, ConnectionState>): C | undefined {
    let earliestBusy: { connection: C; since: number } | undefined;
    for (const [connection, state] of open) {
      if (state.proven) {
        continue;
      }
      if (state.requestsInProgress === 0) {
        return connection;
      }
      if (earliestBusy === undefined || state.busySince < earliestBusy.since) {
        earliestBusy = { connection, since: state.busySince };
      }
    }
    return earliestBusy?.connection;
  }
}
