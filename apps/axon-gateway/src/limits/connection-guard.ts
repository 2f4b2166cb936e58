/** Why a connection was closed as soon as it was accepted (a bounded metric label). */
export type ConnectionRefusal = 'per_ip' | 'total';

/** What {@link ConnectionGuard.tryOpen} decided for a new connection. */
export type ConnectionAdmission<C> =
  { readonly accepted: true; readonly evicted?: C } | { readonly accepted: false; readonly reason: ConnectionRefusal };

/** What the guard knows of one open connection. */
interface ConnectionState {
  /** The address it is counted under. */
  readonly ip: string;
  /** Requests received on it and not yet answered (HTTP/1.1 may pipeline several). */
  requestsInProgress: number;
  /** Order in which its current run of requests began (a counter, not a clock); 0 while idle. */
  busySince: number;
  /**
   * The hotkey of the last verified request it carried to a 200, or null: once set, a caller worth keeping, not a
   * connection hog, and its later claims of that hotkey are trusted (AdmittedRequest.trusted).
   */
  provenHotkey: string | null;
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
 *
 * The cap on all connections works the same way across addresses, since hogs can speak from many of them (a botnet,
 * an IPv6 prefix, all of 127.0.0.0/8 on the miner's own host): at the cap, the unproven connection idle longest goes,
 * else the one whose request began first, whichever address holds it; only when every open connection is proven is
 * the newcomer refused. Both candidates are kept in order as connections change state, so finding one is O(1).
 */
export class ConnectionGuard<C> {
  /** Per IP, its open connections in the order they were accepted (oldest first). */
  private readonly byIp = new Map<string, Map<C, ConnectionState>>();
  /** Unproven idle connections, longest idle first (a Map keeps insertion order). */
  private readonly idleUnproven = new Map<C, ConnectionState>();
  /** Unproven busy connections, the earliest request first. */
  private readonly busyUnproven = new Map<C, ConnectionState>();
  private openCount = 0;
  private requestOrder = 0;

  constructor(private readonly limits: { readonly maxPerIp: number; readonly maxTotal: number }) {}

  /**
   * Counts a new connection from `ip`, closing (handing back) an older unproven one if the address holds its share
   * or all connections are open.
   */
  tryOpen(ip: string, connection: C): ConnectionAdmission<C> {
    const open = this.byIp.get(ip);
    let evicted: ConnectionAdmission<C> | undefined;
    if (open !== undefined && open.size >= this.limits.maxPerIp) {
      evicted = this.evict(this.addressCandidate(open), 'per_ip');
    } else if (this.openCount >= this.limits.maxTotal) {
      evicted = this.evict(this.idleUnproven.keys().next().value ?? this.busyUnproven.keys().next().value, 'total');
    }
    if (evicted?.accepted === false) {
      return evicted;
    }
    const state: ConnectionState = { ip, requestsInProgress: 0, busySince: 0, provenHotkey: null };
    const stillOpen = this.byIp.get(ip);
    if (stillOpen === undefined) {
      this.byIp.set(ip, new Map([[connection, state]]));
    } else {
      stillOpen.set(connection, state);
    }
    this.idleUnproven.set(connection, state);
    this.openCount += 1;
    return evicted ?? { accepted: true };
  }

  /** A request arrived on `connection` (its head is complete). */
  requestStarted(ip: string, connection: C): void {
    const state = this.byIp.get(ip)?.get(connection);
    if (state !== undefined) {
      if (state.requestsInProgress === 0) {
        state.busySince = ++this.requestOrder;
        if (state.provenHotkey === null) {
          this.idleUnproven.delete(connection);
          this.busyUnproven.set(connection, state);
        }
      }
      state.requestsInProgress += 1;
    }
  }

  /** The hotkey `connection` proved (see {@link ConnectionState.provenHotkey}), if any. */
  provenHotkey(ip: string, connection: C): string | undefined {
    return this.byIp.get(ip)?.get(connection)?.provenHotkey ?? undefined;
  }

  /**
   * A request on `connection` was answered (or abandoned); `verifiedHotkey` is its hotkey when it was verified and
   * answered 200, else null.
   */
  requestEnded(ip: string, connection: C, verifiedHotkey: string | null): void {
    const state = this.byIp.get(ip)?.get(connection);
    if (state === undefined) {
      return;
    }
    state.requestsInProgress = Math.max(0, state.requestsInProgress - 1);
    if (verifiedHotkey !== null) {
      state.provenHotkey = verifiedHotkey;
    }
    if (state.provenHotkey !== null) {
      this.idleUnproven.delete(connection);
      this.busyUnproven.delete(connection);
    } else if (state.requestsInProgress === 0) {
      this.busyUnproven.delete(connection);
      this.idleUnproven.set(connection, state);
    }
    if (state.requestsInProgress === 0) {
      state.busySince = 0;
    }
  }

  /** A connection closed (whether or not it was counted: evicted ones are already forgotten). */
  closed(ip: string, connection: C): void {
    const open = this.byIp.get(ip);
    if (open?.has(connection) === true) {
      this.forget(ip, open, connection);
    }
  }

  /** Open connections from `ip`. */
  openFrom(ip: string): number {
    return this.byIp.get(ip)?.size ?? 0;
  }

  /** Open connections in all. */
  get open(): number {
    return this.openCount;
  }

  /** Addresses holding at least one connection (memory is bounded by the open connections). */
  get addresses(): number {
    return this.byIp.size;
  }

  /** Forgets `connection` to make room, or refuses the newcomer when there is none to forget. */
  private evict(connection: C | undefined, refusal: ConnectionRefusal): ConnectionAdmission<C> {
    if (connection === undefined) {
      return { accepted: false, reason: refusal };
    }
    const ip = this.idleUnproven.get(connection)?.ip ?? this.busyUnproven.get(connection)?.ip ?? '';
    const open = this.byIp.get(ip);
    if (open !== undefined) {
      this.forget(ip, open, connection);
    }
    return { accepted: true, evicted: connection };
  }

  private forget(ip: string, open: Map<C, ConnectionState>, connection: C): void {
    open.delete(connection);
    if (open.size === 0) {
      this.byIp.delete(ip);
    }
    this.idleUnproven.delete(connection);
    this.busyUnproven.delete(connection);
    this.openCount -= 1;
  }

  /** The address's oldest idle unproven connection, else its unproven one whose request began first. */
  private addressCandidate(open: ReadonlyMap<C, ConnectionState>): C | undefined {
    let earliestBusy: { connection: C; since: number } | undefined;
    for (const [connection, state] of open) {
      if (state.provenHotkey !== null) {
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
