/** Asks the chain for an account's next nonce, pool included (`system_accountNextIndex`). */
export type NonceSource = (address: string) => Promise<number>;

interface AccountNonces {
  /** Next nonce to hand out; undefined means "ask the chain first". */
  next: number | undefined;
  /** Nonces handed out whose transaction has not yet been accepted or given back. */
  readonly outstanding: Set<number>;
  /** Serialises reservations of one account so two concurrent callers never get the same nonce. */
  lock: Promise<void>;
}

/**
 * Local nonce tracking for concurrent submissions from one key. Asking the chain for every transaction
 * would hand the same nonce to two transactions signed before either reached the pool; tracking locally
 * hands out consecutive nonces and re-syncs with the chain only when told the local view is wrong.
 */
export class NonceManager {
  readonly #accounts = new Map<string, AccountNonces>();

  constructor(private readonly source: NonceSource) {}

  /** Reserves the next nonce of `address`. Pair every reservation with {@link accepted} or {@link release}. */
  async reserve(address: string): Promise<number> {
    const account = this.account(address);
    const previous = account.lock;
    let unlock = (): void => undefined;
    account.lock = new Promise<void>((resolve) => {
      unlock = resolve;
    });
    await previous;
    try {
      const next = account.next ?? (await this.source(address));
      account.next = next + 1;
      account.outstanding.add(next);
      return next;
    } finally {
      unlock();
    }
  }

  /** The pool accepted the transaction signed with `nonce`. */
  accepted(address: string, nonce: number): void {
    this.account(address).outstanding.delete(nonce);
  }

  /**
   * The transaction signed with `nonce` never reached the pool. The nonce is handed out again when it was the
   * last one; otherwise later nonces are already in flight and the account re-syncs with the chain (which
   * then reports the gap as the next nonce, so the next reservation fills it).
   */
  release(address: string, nonce: number): void {
    const account = this.account(address);
    account.outstanding.delete(nonce);
    if (account.next === nonce + 1) {
      account.next = nonce;
    } else {
      account.next = undefined;
    }
  }

  /** Forgets the local view (after "Transaction is outdated" or "Priority is too low"): ask the chain next time. */
  resync(address: string): void {
    this.account(address).next = undefined;
  }

  /** Nonces of `address` handed out and not yet settled (for diagnostics and tests). */
  outstanding(address: string): readonly number[] {
    return [...this.account(address).outstanding].sort((a, b) => a - b);
  }

  private account(address: string): AccountNonces {
    let account = this.#accounts.get(address);
    if (account === undefined) {
      account = { next: undefined, outstanding: new Set(), lock: Promise.resolve() };
      this.#accounts.set(address, account);
    }
    return account;
  }
}
