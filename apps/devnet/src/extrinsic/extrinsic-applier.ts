import { readAccount, writeAccount } from '../pallets/balances/account-info';
import { BalancesLedger } from '../pallets/balances/balances-ledger';
import type { DispatchClassName, ResolvedDispatchInfo } from '../runtime/call-definition';
import type { PostDispatchInfo } from '../runtime/dispatch-context';
import { isDispatchFailure, toDispatchErrorValue, type DispatchErrorValue } from '../runtime/dispatch-errors';
import type { DispatchEnvironment, Dispatcher } from '../runtime/dispatcher';
import type { MetadataIndex } from '../runtime/metadata-index';
import type { DecodedExtrinsic } from './decoded-extrinsic';
import type { FeeCalculator } from './fees';
import { InvalidTransactionError } from './transaction-validity';
import type { TransactionValidator } from './validator';

/** What applying a signed extrinsic did. */
export interface AppliedExtrinsic {
  readonly success: boolean;
  /** The dispatch error of a failed call, as `ExtrinsicFailed` carries it. */
  readonly error?: DispatchErrorValue;
  /** The fee finally kept (after any refund), tip included. */
  readonly actualFee: bigint;
  /** `ref_time` the block is charged for: actual call weight plus the per-extrinsic base. */
  readonly refTime: bigint;
  readonly dispatchClass: DispatchClassName;
}

/**
 * Applies one signed extrinsic inside the block being built, as frame_executive does: pre-dispatch checks
 * (any failure throws `InvalidTransactionError` and leaves no trace: the caller drops the transaction),
 * nonce increment, fee withdrawal (`Balances.Withdraw`), dispatch in its own storage layer, fee correction
 * (the refund, zero unless the call reports `Pays::No` or less weight, as `Balances.Deposit`), `TransactionFeePaid`, then
 * `ExtrinsicSuccess` or `ExtrinsicFailed`. Fee and nonce are kept whether the call succeeds or fails.
 */
export class ExtrinsicApplier {
  constructor(
    private readonly index: MetadataIndex,
    private readonly validator: TransactionValidator,
    private readonly dispatcher: Dispatcher,
    private readonly fees: FeeCalculator,
    private readonly existentialDeposit: bigint,
  ) {}

  apply(decoded: DecodedExtrinsic, environment: DispatchEnvironment): AppliedExtrinsic {
    const { storage, events } = environment;
    return events.transactional(storage, () => {
      const checked = this.validator.check(decoded, { storage, currentBlock: environment.blockNumber }, 'apply');
      const signer = checked.signer;
      const account = readAccount(storage, signer);
      writeAccount(storage, signer, { ...account, nonce: account.nonce + 1 });
      const ledger = new BalancesLedger(
        storage,
        (pallet, event, fields) => events.deposit(pallet, event, fields),
        this.existentialDeposit,
      );
      try {
        ledger.withdraw(signer, checked.fee, 'Preserve');
      } catch (error) {
        if (isDispatchFailure(error)) {
          throw new InvalidTransactionError('Payment');
        }
        throw error;
      }

      let post: PostDispatchInfo | undefined;
      let failure: unknown;
      try {
        post = events.transactional(storage, () =>
          this.dispatcher.dispatch(decoded.call, { kind: 'signed', account: signer }, environment),
        );
      } catch (error) {
        if (!isDispatchFailure(error)) {
          process.stderr.write(`devnet: ${decoded.call.section}.${decoded.call.method} crashed: ${String(error)}\n`);
        }
        failure = error;
      }

      const pays = checked.info.pays === 'No' || post?.paysFee === 'No' ? 'No' : 'Yes';
      const actualCallRefTime =
        post?.actualRefTime !== undefined && post.actualRefTime < checked.info.refTime
          ? post.actualRefTime
          : checked.info.refTime;
      const actualFee = this.fees.total(
        {
          length: decoded.length,
          callRefTime: actualCallRefTime,
          class: checked.info.class,
          pays,
          tip: checked.signed.tip,
        },
        this.validator.feeMultiplier(storage),
      );
      // A withdrawn fee is always corrected: the refund (often zero) goes back as `Balances.Deposit`.
      const isRefunded = checked.fee > 0n && ledger.refundFee(signer, checked.fee - actualFee);
      this.burnFromSubtensorIssuance(environment, isRefunded ? actualFee : checked.fee);
      events.deposit('transactionPayment', 'TransactionFeePaid', [signer, actualFee, checked.signed.tip]);

      const refTime = actualCallRefTime + this.fees.baseExtrinsicRefTime(checked.info.class);
      const dispatchInfo = this.dispatchInfoValue(checked.info, refTime, pays);
      const base = { actualFee, refTime, dispatchClass: checked.info.class };
      if (failure === undefined) {
        events.deposit('system', 'ExtrinsicSuccess', [dispatchInfo]);
        return { ...base, success: true };
      }
      const error = toDispatchErrorValue(this.index, failure);
      events.deposit('system', 'ExtrinsicFailed', [error, dispatchInfo]);
      return { ...base, success: false, error };
    });
  }

  /**
   * subtensor's `TransactionFeeHandler` also takes the fee out of `SubtensorModule.TotalIssuance` (its own
   * issuance counter) when the fee credit is dropped.
   */
  private burnFromSubtensorIssuance(environment: DispatchEnvironment, fee: bigint): void {
    if (fee === 0n) {
      return;
    }
    const { storage } = environment;
    const issuance = BigInt(storage.get('subtensorModule', 'totalIssuance').toString());
    storage.set('subtensorModule', 'totalIssuance', [], issuance > fee ? issuance - fee : 0n);
  }

  private dispatchInfoValue(info: ResolvedDispatchInfo, refTime: bigint, pays: 'Yes' | 'No'): unknown {
    return { weight: { refTime, proofSize: info.proofSize }, class: info.class, paysFee: pays };
  }
}
