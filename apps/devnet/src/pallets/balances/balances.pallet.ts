import type { Codec } from '@polkadot/types/types';
import { lookupAccount } from '../../runtime/account-lookup';
import { dbWeight, defineCall, NO_CUSTOM_VALIDITY, weighs, type CallDefinition } from '../../runtime/call-definition';
import { ensureRoot, signedAccount, type DispatchContext, type PalletModule } from '../../runtime/dispatch-context';
import { BalancesLedger } from './balances-ledger';

/** Compact<u64> / u64 argument as a bigint. */
const amount = (codec: Codec | undefined): bigint => BigInt(codec?.toString() ?? '0');

/**
 * The Balances calls the devnet simulates, with the real calls' semantics: transfers go through the fungible
 * `transfer` (so failures are `Token` errors as on the real chain, not the legacy `Balances.*` errors),
 * `force_*` calls require root.
 */
export function createBalancesPallet(existentialDeposit: bigint): PalletModule {
  const ledger = (context: DispatchContext): BalancesLedger =>
    new BalancesLedger(context.storage, context.deposit.bind(context), existentialDeposit);
  /** A balances call: pays, no extension rule, fails with `Token`/`Arithmetic` errors, not pallet errors. */
  const balancesCall = (
    name: string,
    weight: CallDefinition['weight'],
    dispatch: CallDefinition['dispatch'],
  ): CallDefinition =>
    defineCall({ pallet: 'balances', name, weight, pays: 'Yes', validate: NO_CUSTOM_VALIDITY, errors: [], dispatch });
  // Benchmarked weights of polkadot-sdk's pallet_balances with RocksDbWeight.
  return {
    name: 'balances',
    calls: [
      balancesCall(
        'transfer_allow_death',
        weighs(dbWeight(48_363_000n, 1, 1), { proofSize: 3593n }),
        (context, args) => {
          const from = signedAccount(context.origin);
          ledger(context).transfer(from, lookupAccount(args.dest), amount(args.value), 'Expendable');
        },
      ),
      balancesCall(
        'transfer_keep_alive',
        weighs(dbWeight(38_159_000n, 1, 1), { proofSize: 3593n }),
        (context, args) => {
          const from = signedAccount(context.origin);
          ledger(context).transfer(from, lookupAccount(args.dest), amount(args.value), 'Preserve');
        },
      ),
      balancesCall('transfer_all', weighs(dbWeight(47_385_000n, 1, 1), { proofSize: 3593n }), (context, args) => {
        const from = signedAccount(context.origin);
        const preservation = args.keep_alive?.toString() === 'true' ? 'Preserve' : 'Expendable';
        const balances = ledger(context);
        balances.transfer(from, lookupAccount(args.dest), balances.reducibleBalance(from, preservation), preservation);
      }),
      balancesCall('force_transfer', weighs(dbWeight(49_944_000n, 2, 2), { proofSize: 6196n }), (context, args) => {
        ensureRoot(context.origin);
        ledger(context).transfer(
          lookupAccount(args.source),
          lookupAccount(args.dest),
          amount(args.value),
          'Expendable',
        );
      }),
      balancesCall('force_set_balance', weighs(dbWeight(19_929_000n, 1, 1), { proofSize: 3593n }), (context, args) => {
        ensureRoot(context.origin);
        ledger(context).setFreeBalance(lookupAccount(args.who), amount(args.new_free));
      }),
    ],
  };
}
