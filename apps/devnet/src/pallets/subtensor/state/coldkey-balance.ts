import type { INumber } from '@polkadot/types/types';
import { TokenDispatchError } from '../../../runtime/dispatch-context';
import type { Storage } from '../../../state/storage';
import { BalancesLedger } from '../../balances';
import { subtensorError } from '../subtensor-error';

type EventSink = (pallet: string, event: string, fields: readonly unknown[]) => void;

/**
 * SubtensorModule's coldkey helpers (`staking/helpers.rs`) over the Balances ledger: what a burn, a network
 * lock or a stake may take, how it is taken and how unstaked TAO comes back.
 */
export class ColdkeyBalance {
  private readonly ledger: BalancesLedger;

  constructor(storage: Storage, deposit: EventSink) {
    const existentialDeposit = storage.runtime.decorated.consts.balances?.existentialDeposit as INumber | undefined;
    this.ledger = new BalancesLedger(storage, deposit, existentialDeposit?.toBigInt() ?? 0n);
  }

  free(account: string): bigint {
    return this.ledger.free(account);
  }

  /** `can_remove_balance_from_coldkey_account`: within the account's expendable reducible balance. */
  canRemove(account: string, amount: bigint): boolean {
    return amount <= this.ledger.reducibleBalance(account, 'Expendable');
  }

  /**
   * `remove_balance_from_coldkey_account`: a best-effort withdrawal that keeps the account alive
   * (`Preservation::Preserve`), so it may take less than asked when the rest would fall below the
   * existential deposit; taking nothing fails with `ZeroBalanceAfterWithdrawn`. Returns what was taken.
   */
  remove(account: string, amount: bigint): bigint {
    if (amount === 0n) {
      return 0n;
    }
    const reducible = this.ledger.reducibleBalance(account, 'Preserve');
    const taken = amount < reducible ? amount : reducible;
    if (taken === 0n) {
      throw subtensorError('ZeroBalanceAfterWithdrawn');
    }
    this.ledger.withdraw(account, taken, 'Preserve');
    return taken;
  }

  /** `add_balance_to_coldkey_account`: a deposit whose failure the runtime ignores (`let _ = deposit(..)`). */
  add(account: string, amount: bigint): void {
    try {
      this.ledger.depositInto(account, amount);
    } catch (error) {
      // Only a deposit below the existential deposit into an empty account can fail; the runtime drops it.
      if (!(error instanceof TokenDispatchError)) {
        throw error;
      }
    }
  }
}
