import { ArithmeticDispatchError, TokenDispatchError } from '../../runtime/dispatch-context';
import type { Storage } from '../../state/storage';
import { EMPTY_ACCOUNT, accountExists, readAccount, writeAccount, type AccountInfoValue } from './account-info';

/** `frame_support::traits::tokens::Preservation`. */
export type Preservation = 'Expendable' | 'Protect' | 'Preserve';

type Deposit = (pallet: string, event: string, fields: readonly unknown[]) => void;

/**
 * pallet_balances' fungible logic over `System.Account`, as the spec-224 runtime runs it (polkadot-stable2409):
 * reducible balance with the existential deposit and freezes, `can_withdraw`/`can_deposit` consequences mapped
 * to `TokenError`s, account creation (providers 0→1: `System.NewAccount`, `Balances.Endowed`) and reaping
 * (free below ED: `System.KilledAccount`, `Balances.DustLost`, the entry and its nonce removed). Issuance is
 * kept in `Balances.TotalIssuance`: dust and withdrawn credit burn, deposits mint.
 */
export class BalancesLedger {
  constructor(
    private readonly storage: Storage,
    private readonly deposit: Deposit,
    readonly existentialDeposit: bigint,
  ) {}

  account(who: string): AccountInfoValue {
    return readAccount(this.storage, who);
  }

  free(who: string): bigint {
    return this.account(who).free;
  }

  totalIssuance(): bigint {
    return BigInt(this.storage.get('balances', 'totalIssuance').toString());
  }

  /** `fungible::Inspect::reducible_balance` with `Fortitude::Polite`. */
  reducibleBalance(who: string, preservation: Preservation): bigint {
    const account = this.account(who);
    let untouchable = positive(account.frozen - account.reserved);
    const needsEd =
      preservation === 'Preserve' ||
      (preservation === 'Protect' && account.free !== 0n && account.providers === 1) ||
      (preservation === 'Expendable' && account.free !== 0n && !canDecProvider(account));
    if (needsEd && this.existentialDeposit > untouchable) {
      untouchable = this.existentialDeposit;
    }
    return positive(account.free - untouchable);
  }

  /**
   * `fungible::Mutate::transfer`: fails with `Token(FundsUnavailable)` when the balance is too low,
   * `Token(NotExpendable)` when a keep-alive transfer would reap the sender, `Token(BelowMinimum)` when it
   * would create the receiver below the existential deposit; emits `Balances.Transfer`.
   */
  transfer(from: string, to: string, amount: bigint, preservation: Preservation): void {
    this.ensureCanWithdraw(from, amount, preservation !== 'Expendable');
    this.ensureCanDeposit(to, amount);
    if (from === to) {
      return;
    }
    this.decreaseBalance(from, amount, preservation, 'BestEffort');
    this.increaseBalance(to, amount);
    this.deposit('balances', 'Transfer', [from, to, amount]);
  }

  /**
   * `fungible::Balanced::withdraw` with `Precision::Exact`: takes `amount` out of the account and burns it
   * (the dropped credit lowers `TotalIssuance`), emitting `Balances.Withdraw`. This is how fees are paid.
   */
  withdraw(who: string, amount: bigint, preservation: Preservation): void {
    if (amount === 0n) {
      return;
    }
    this.decreaseBalance(who, amount, preservation, 'Exact');
    this.adjustIssuance(-amount);
    this.deposit('balances', 'Withdraw', [who, amount]);
  }

  /** `fungible::Balanced::deposit` (best effort): mints `amount` into the account, emitting `Balances.Deposit`. */
  depositInto(who: string, amount: bigint): void {
    if (amount === 0n) {
      return;
    }
    this.ensureCanDeposit(who, amount);
    this.increaseBalance(who, amount);
    this.adjustIssuance(amount);
    this.deposit('balances', 'Deposit', [who, amount]);
  }

  /**
   * The fee refund of FungibleAdapter::correct_and_deposit_fee (polkadot-stable2409): paid back to an account
   * that still exists, through `fungible::Balanced::deposit`, which emits `Balances.Deposit` even for zero.
   */
  refundFee(who: string, amount: bigint): boolean {
    const account = this.account(who);
    if (account.free + account.reserved === 0n) {
      return false;
    }
    if (amount > 0n) {
      this.increaseBalance(who, amount);
      this.adjustIssuance(amount);
    }
    this.deposit('balances', 'Deposit', [who, amount]);
    return true;
  }

  /**
   * `force_set_balance`: sets the free balance (zero when below ED). The difference is issued or burnt through
   * a legacy imbalance whose drop emits `Balances.Issued` / `Balances.Rescinded` before `Balances.BalanceSet`.
   */
  setFreeBalance(who: string, requested: bigint): void {
    const newFree = requested < this.existentialDeposit ? 0n : requested;
    const oldFree = this.free(who);
    this.mutateAccount(who, (account) => ({ ...account, free: newFree }));
    this.adjustIssuance(newFree - oldFree);
    if (newFree > oldFree) {
      this.deposit('balances', 'Issued', [newFree - oldFree]);
    } else if (newFree < oldFree) {
      this.deposit('balances', 'Rescinded', [oldFree - newFree]);
    }
    this.deposit('balances', 'BalanceSet', [who, newFree]);
  }

  /** Adds `delta` (may be negative) to `Balances.TotalIssuance`, saturating at zero. */
  adjustIssuance(delta: bigint): void {
    this.storage.set('balances', 'totalIssuance', [], positive(this.totalIssuance() + delta));
  }

  private ensureCanWithdraw(who: string, amount: bigint, keepNonzero: boolean): void {
    if (amount === 0n) {
      return;
    }
    if (this.totalIssuance() < amount) {
      throw new ArithmeticDispatchError('Underflow');
    }
    const account = this.account(who);
    const newFree = account.free - amount;
    if (newFree < 0n) {
      throw new TokenDispatchError('FundsUnavailable');
    }
    if (amount > this.reducibleBalance(who, 'Expendable')) {
      throw new TokenDispatchError('Frozen');
    }
    if (newFree < this.existentialDeposit) {
      if (!canDecProvider(account)) {
        throw new TokenDispatchError('OnlyProvider');
      }
      if (keepNonzero) {
        throw new TokenDispatchError('NotExpendable');
      }
    }
    if (newFree + account.reserved < account.frozen) {
      throw new TokenDispatchError('Frozen');
    }
  }

  private ensureCanDeposit(who: string, amount: bigint): void {
    if (amount === 0n) {
      return;
    }
    if (this.account(who).free + amount < this.existentialDeposit) {
      throw new TokenDispatchError('BelowMinimum');
    }
  }

  private decreaseBalance(
    who: string,
    requested: bigint,
    preservation: Preservation,
    precision: 'Exact' | 'BestEffort',
  ): bigint {
    const reducible = this.reducibleBalance(who, preservation);
    if (precision === 'Exact' && reducible < requested) {
      throw new TokenDispatchError('FundsUnavailable');
    }
    const amount = requested < reducible ? requested : reducible;
    this.mutateAccount(who, (account) => ({ ...account, free: account.free - amount }));
    return amount;
  }

  private increaseBalance(who: string, amount: bigint): void {
    this.mutateAccount(who, (account) => ({ ...account, free: account.free + amount }));
  }

  /**
   * Applies `change` with the provider bookkeeping of `try_mutate_account`: a balance appearing adds the
   * balances provider (creating the account), a balance falling below ED is reaped as dust and removes it.
   */
  private mutateAccount(who: string, change: (account: AccountInfoValue) => AccountInfoValue): void {
    const existed = accountExists(this.storage, who);
    const before = existed ? this.account(who) : EMPTY_ACCOUNT;
    let after = change(before);
    let dust = 0n;
    if (after.free < this.existentialDeposit && after.reserved === 0n && after.free > 0n) {
      dust = after.free;
      after = { ...after, free: 0n };
    }
    const didProvide = before.free > 0n || before.reserved > 0n;
    const doesProvide = after.free > 0n || after.reserved > 0n;
    if (doesProvide && !didProvide) {
      after = { ...after, providers: after.providers + 1 };
      if (after.providers === 1 && after.sufficients === 0) {
        this.deposit('system', 'NewAccount', [who]);
      }
    }
    if (didProvide && !doesProvide) {
      after = { ...after, providers: Math.max(0, after.providers - 1) };
    }
    const reaped = after.providers === 0 && after.sufficients === 0 && after.consumers === 0;
    if (reaped) {
      this.storage.remove('system', 'account', who);
      if (existed) {
        this.deposit('system', 'KilledAccount', [who]);
      }
    } else {
      writeAccount(this.storage, who, after);
    }
    if (!existed && after.free > 0n) {
      this.deposit('balances', 'Endowed', [who, after.free]);
    }
    if (dust > 0n) {
      this.adjustIssuance(-dust);
      this.deposit('balances', 'DustLost', [who, dust]);
    }
  }
}

/** `frame_system::can_dec_provider`: the balances provider may go if nothing depends on it. */
function canDecProvider(account: AccountInfoValue): boolean {
  return account.consumers === 0 || account.providers > 1;
}

function positive(value: bigint): bigint {
  return value > 0n ? value : 0n;
}
