import type { Codec } from '@polkadot/types/types';
import { lookupAccount } from '../../runtime/account-lookup';
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
  return {
    name: 'balances',
    calls: {
      transferAllowDeath: (context, args) => {
        const from = signedAccount(context.origin);
        ledger(context).transfer(from, lookupAccount(args.dest), amount(args.value), 'Expendable');
      },
      transferKeepAlive: (context, args) => {
        const from = signedAccount(context.origin);
        ledger(context).transfer(from, lookupAccount(args.dest), amount(args.value), 'Preserve');
      },
      transferAll: (context, args) => {
        const from = signedAccount(context.origin);
        const preservation = args.keep_alive?.toString() === 'true' ? 'Preserve' : 'Expendable';
        const balances = ledger(context);
        balances.transfer(from, lookupAccount(args.dest), balances.reducibleBalance(from, preservation), preservation);
      },
      forceTransfer: (context, args) => {
        ensureRoot(context.origin);
        ledger(context).transfer(
          lookupAccount(args.source),
          lookupAccount(args.dest),
          amount(args.value),
          'Expendable',
        );
      },
      forceSetBalance: (context, args) => {
        ensureRoot(context.origin);
        ledger(context).setFreeBalance(lookupAccount(args.who), amount(args.new_free));
      },
    },
  };
}
